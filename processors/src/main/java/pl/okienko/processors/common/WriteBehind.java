package pl.okienko.processors.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Tells a state processor that its task is about to commit, so that the values its events changed since the last
 * commit ({@link StateCache}, kept decoded) are encoded and put into their stores once per commit rather than at
 * every event ({@link EventWrites#behind}).
 *
 * <p>Kafka Streams gives a processor no call before a commit; it does flush every store's record cache before it
 * flushes the task's records and commits the transaction, and that flush puts each entry changed since the last
 * one into the store under the cache. So the processor marks a key of its own in a cached store ({@link #mark},
 * once per commit interval), and the store under the cache (which keeps nothing) runs the processor's writes when
 * that key reaches it. What they put into the processor's other stores, which must have no record cache (one
 * flushed before this one would keep the writes to the next commit), goes to their changelogs at once: in the
 * same transaction as the input offsets of the events that made it, so exactly-once stays whole. When the cache
 * evicts the key early, or caching is off, the writes are made earlier: never later.
 *
 * <p>The key names the processor instance in a registry of this JVM, because the store under the cache is built
 * by Kafka Streams and cannot be handed the processor; an instance leaves the registry when it closes.
 */
public final class WriteBehind {

    private static final String SUFFIX = "-write-behind";
    private static final AtomicLong INSTANCES = new AtomicLong();
    /** By a processor instance's key, what runs when its mark reaches the store under the cache. */
    private static final Map<String, WriteBehind> OPEN = new ConcurrentHashMap<>();

    private final KeyValueStore<String, Long> marks;
    private final String key = "processor-" + INSTANCES.incrementAndGet();
    private final List<Runnable> onCommit = new ArrayList<>();
    private boolean marked;

    WriteBehind(KeyValueStore<String, Long> marks) {
        this.marks = marks;
        OPEN.put(key, this);
    }

    /** The store's name in the topology of the concern whose stores are named with {@code prefix}. */
    public static String storeName(String prefix) {
        return prefix + SUFFIX;
    }

    /** The concern's cached store of marks, named {@link #storeName(String)}; it keeps nothing and logs nothing. */
    public static StoreBuilder<KeyValueStore<String, Long>> storeBuilder(String prefix) {
        return Stores.keyValueStoreBuilder(new Signals(storeName(prefix)), Serdes.String(), Serdes.Long())
                .withCachingEnabled().withLoggingDisabled();
    }

    /**
     * The processor's write-behind over the store named {@code storeName}, connected to it, or null when there is
     * none; close it with the processor.
     */
    static WriteBehind open(ProcessorContext<?, ?> context, String storeName) {
        KeyValueStore<String, Long> marks = context.getStateStore(storeName);
        return marks == null ? null : new WriteBehind(marks);
    }

    /** Runs {@code write} before every commit of the task (or earlier). */
    void onCommit(Runnable write) {
        onCommit.add(write);
    }

    /** There are writes waiting: they are made before the next commit. */
    void mark() {
        if (!marked) {
            // set first: putting the mark may flush it at once (an eviction, or caching off), which clears it
            marked = true;
            marks.put(key, 1L);
        }
    }

    void close() {
        OPEN.remove(key);
    }

    /** The mark reached the store under the cache: the task commits next. */
    void commit() {
        marked = false;
        onCommit.forEach(Runnable::run);
    }

    private static void reached(Bytes key) {
        WriteBehind processor = OPEN.get(new String(key.get(), StandardCharsets.UTF_8));
        if (processor != null) {
            processor.commit();
        }
    }

    private record Signals(String name) implements KeyValueBytesStoreSupplier {

        @Override
        public KeyValueStore<Bytes, byte[]> get() {
            return new Signal(name);
        }

        @Override
        public String metricsScope() {
            return "write-behind";
        }
    }

    /** The store under the cache: a mark that reaches it runs its processor's writes; it keeps nothing. */
    private static final class Signal implements KeyValueStore<Bytes, byte[]> {

        private final String name;
        private boolean open;

        Signal(String name) {
            this.name = name;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            if (value != null) {
                reached(key);
            }
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            put(key, value);
            return null;
        }

        @Override
        public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            entries.forEach(entry -> put(entry.key, entry.value));
        }

        @Override
        public byte[] delete(Bytes key) {
            return null;
        }

        @Override
        public byte[] get(Bytes key) {
            return null;
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            return new Nothing();
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            return new Nothing();
        }

        @Override
        public long approximateNumEntries() {
            return 0;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            context.register(root, (key, value) -> {
            });
            open = true;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    private static final class Nothing implements KeyValueIterator<Bytes, byte[]> {

        @Override
        public boolean hasNext() {
            return false;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            throw new NoSuchElementException();
        }

        @Override
        public Bytes peekNextKey() {
            throw new NoSuchElementException();
        }

        @Override
        public void close() {
        }
    }
}
