package pl.okienko.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.queues.QueueConfig;
import pl.okienko.processors.queues.QueueStore;
import pl.okienko.processors.queues.QueueTopology;
import pl.okienko.simulator.Days;
import pl.okienko.topics.Topics;

/**
 * The latency phase: the queue topology, the pass-through and the count() baselines each run alone,
 * one after another (fresh application ids, starting at the current end of the input), while a
 * producer sends the day's first events at a fixed rate; run side by side they would measure how
 * they share two cores rather than their latency. The events keep their simulated spacing (so waits and
 * service times stay minutes long, as in an office), moved in time so that the last of them
 * happens when the sending starts; at 5,000 events/s the slice replays faster than it happened,
 * so event time runs behind the wall clock by up to the slice's simulated length. Each record
 * carries its send time ({@link System#nanoTime()}, header {@value #SENT_AT}); all latencies are
 * from that send to:
 * <ul>
 *   <li>pass-through: the record read from the pass-through's output by a read_committed consumer;</li>
 *   <li>count(): the count update read from its output by a read_committed consumer, measured from
 *       the send of the latest event the update includes (the header it carries);</li>
 *   <li>Okienko, committed: the new ticket's first record in the tickets store's changelog, read by
 *       a read_committed consumer, i.e. the transaction holding the new ticket has committed;</li>
 *   <li>Okienko, interactive query: the ticket found by {@code get} on the tickets store, polled every
 *       5 ms. Under exactly-once a store shows its writes before they commit, so this is when a view
 *       could first show the ticket, not when it is durable.</li>
 * </ul>
 */
final class LatencyPhase {

    /** Header with the producer's {@link System#nanoTime()} at the send; one JVM, so every thread can compare with it. */
    static final String SENT_AT = "bench-sent-at-nanos";

    private static final long PROBE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long PROBE_GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** After the last send every topology may catch up this long, so that a slow one's late samples are counted, not lost. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    /** After catching up, time for the last commit to reach the measuring consumers. */
    private static final Duration DRAIN = Duration.ofMillis(1_500);

    /**
     * @param rate events/s asked of the paced producer
     * @param sent events sent by the paced producer
     * @param achievedRate events/s it achieved
     * @param worstSendDelayMs how far, at worst, a send fell behind its schedule
     * @param backlog events each topology had not yet committed when the last one was sent
     * @param catchUpSeconds from the last send until every topology had committed all input
     * @param ticketsMeasured new tickets sent after the warm-up: the committed-changelog samples to expect
     * @param warmupSeconds the warm-up before {@code measuredSeconds}
     */
    record Result(int rate, long sent, double achievedRate, double worstSendDelayMs, double measuredSeconds,
            Latencies.Summary passThrough, Latencies.Summary count,
            Latencies.Summary okienkoCommitted, Latencies.Summary okienkoQuery,
            long ticketsIssued, long ticketsMeasured, int probes, int probesMissed, int warmupSeconds,
            Map<String, Long> backlog, double catchUpSeconds) {

        /** Events/s the queue topology committed while the producer sent: below the rate when it fell behind. */
        double okienkoCommittedRate() {
            return (sent - backlog.getOrDefault("okienko", 0L)) / (measuredSeconds + warmupSeconds);
        }
    }

    private LatencyPhase() {
    }

    /** What runs during one pass of the paced producer. */
    enum Subject {
        PASS_THROUGH("pass-through"), COUNT("count"), OKIENKO("okienko");

        final String label;

        Subject(String label) {
            this.label = label;
        }
    }

    /**
     * Runs the paced slice three times, once per topology alone, and combines the three passes: each
     * topology's latencies come from its own pass; the producer's figures are the worst of the three.
     */
    static Result runEachAlone(Cluster cluster, Workload workload, BenchOptions options, int rate, Path stateRoot,
            String runId) throws Exception {
        Result pass = run(cluster, workload, options, rate, stateRoot, runId, Subject.PASS_THROUGH);
        Result count = run(cluster, workload, options, rate, stateRoot, runId, Subject.COUNT);
        Result okienko = run(cluster, workload, options, rate, stateRoot, runId, Subject.OKIENKO);
        Map<String, Long> backlog = new LinkedHashMap<>();
        List.of(okienko, pass, count).forEach(r -> backlog.putAll(r.backlog()));
        return new Result(rate, okienko.sent(),
                Math.min(okienko.achievedRate(), Math.min(pass.achievedRate(), count.achievedRate())),
                Math.max(okienko.worstSendDelayMs(), Math.max(pass.worstSendDelayMs(), count.worstSendDelayMs())),
                okienko.measuredSeconds(), pass.passThrough(), count.count(), okienko.okienkoCommitted(),
                okienko.okienkoQuery(), okienko.ticketsIssued(), okienko.ticketsMeasured(), okienko.probes(),
                okienko.probesMissed(), okienko.warmupSeconds(), backlog,
                Math.max(okienko.catchUpSeconds(), Math.max(pass.catchUpSeconds(), count.catchUpSeconds())));
    }

    private static Result run(Cluster cluster, Workload workload, BenchOptions options, int rate, Path stateRoot,
            String runId, Subject subject) throws Exception {
        List<String> inputs = List.of(Topics.QUEUE_EVENTS.name(), Topics.DESK_EVENTS.name());
        Map<TopicPartition, Long> ends = cluster.endOffsets(inputs);
        String applicationId = "bench-latency-" + subject.label + "-" + runId;
        cluster.startGroupAt(applicationId, ends);

        List<AutoCloseable> resources = new ArrayList<>();
        try {
            StreamsApp app = StreamsApp.start(applicationId, switch (subject) {
                case PASS_THROUGH -> Baselines.passThrough();
                case COUNT -> Baselines.count();
                case OKIENKO -> QueueTopology.build(QueueConfig.defaults());
            }, cluster.bootstrapServers, stateRoot);
            resources.add(app);
            app.awaitRunning(Duration.ofSeconds(120));

            int pacedCount = Math.min(workload.paced.size(), rate * (options.warmupSeconds() + options.latencySeconds()));
            long intervalNanos = 1_000_000_000L / rate;
            long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            long measureFromNanos = startNanos + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
            // The slice keeps its simulated spacing, moved so that its last event happens as the sending starts.
            long shiftMillis = System.currentTimeMillis() + 200 - workload.pacedTimes[pacedCount - 1];

            Latencies passLatencies = new Latencies();
            Latencies countLatencies = new Latencies();
            Latencies committedLatencies = new Latencies();
            Map<String, Long> issuedAt = new ConcurrentHashMap<>();

            List<AutoCloseable> readers = new ArrayList<>();
            QueryProber prober = null;
            switch (subject) {
                case PASS_THROUGH -> readers.add(new MeasuringConsumer<>(cluster.bootstrapServers, Baselines.PASS_THROUGH_OUT,
                        new ByteArrayDeserializer(), (record, now) -> measureFromHeader(record, now, measureFromNanos, passLatencies)));
                case COUNT -> readers.add(new MeasuringConsumer<>(cluster.bootstrapServers, Baselines.COUNT_OUT,
                        new StringDeserializer(), (record, now) -> measureFromHeader(record, now, measureFromNanos, countLatencies)));
                case OKIENKO -> {
                    String changelog = applicationId + "-" + QueueStore.TICKETS.storeName() + "-changelog";
                    readers.add(new MeasuringConsumer<>(cluster.bootstrapServers, changelog, new StringDeserializer(),
                            (record, now) -> {
                                Long sent = issuedAt.remove(record.key());
                                if (sent != null && sent >= measureFromNanos) {
                                    committedLatencies.addMicros((now - sent) / 1_000);
                                }
                            }));
                    prober = new QueryProber(app.streams, options.partitions());
                    readers.add(prober);
                }
                default -> throw new IllegalArgumentException(subject.name());
            }
            resources.addAll(readers);
            for (AutoCloseable reader : readers) {
                if (reader instanceof MeasuringConsumer<?> consumer) {
                    consumer.start();
                } else if (reader instanceof QueryProber queries) {
                    queries.start();
                }
            }

            long sent = 0;
            long issued = 0;
            long measuredTickets = 0;
            long worstDelayNanos = 0;
            try (KafkaProducer<String, byte[]> producer = pacedProducer(cluster.bootstrapServers)) {
                LockSupport.parkNanos(Math.max(0, startNanos - System.nanoTime()));
                for (int i = 0; i < pacedCount; i++) {
                    long due = startNanos + i * intervalNanos;
                    long now = System.nanoTime();
                    if (now < due) {
                        LockSupport.parkNanos(due - now);
                    } else {
                        worstDelayNanos = Math.max(worstDelayNanos, now - due);
                    }
                    SpecificRecord event = workload.paced.get(i);
                    long occurredAt = workload.pacedTimes[i] + shiftMillis;
                    event.put(event.getSchema().getField("occurredAt").pos(), Instant.ofEpochMilli(occurredAt));
                    String officeId = Days.officeId(event);
                    ProducerRecord<String, byte[]> record = record(event, officeId, occurredAt);
                    long sentNanos = System.nanoTime();
                    record.headers().add(SENT_AT, Longs.toBytes(sentNanos));
                    if (event instanceof QueueEvent queueEvent && queueEvent.getPayload() instanceof TicketIssued ticket) {
                        String key = Keys.of(officeId, ticket.getTicketId());
                        issuedAt.put(key, sentNanos);
                        if (sentNanos >= measureFromNanos) {
                            measuredTickets++;
                            if (prober != null && issued % options.probeEvery() == 0) {
                                prober.probe(key, partitionOf(officeId, options.partitions()), sentNanos);
                            }
                        }
                        issued++;
                    }
                    producer.send(record);
                    sent++;
                }
                producer.flush();
                long elapsedNanos = System.nanoTime() - startNanos;
                Map<TopicPartition, Long> sentEnds = cluster.endOffsets(inputs);
                Map<String, Long> backlog = Map.of(subject.label, cluster.lag(applicationId, sentEnds));
                long catchUpDeadline = System.nanoTime() + CATCH_UP.toNanos();
                while (cluster.lag(applicationId, sentEnds) > 0 && System.nanoTime() < catchUpDeadline) {
                    app.checkHealthy();
                    Thread.sleep(50);
                }
                double catchUpSeconds = (System.nanoTime() - startNanos - elapsedNanos) / 1e9;
                Thread.sleep(DRAIN.toMillis());
                for (AutoCloseable reader : readers) {
                    reader.close();
                }
                app.checkHealthy();
                double seconds = elapsedNanos / 1e9;
                Latencies.Summary queries = prober == null ? new Latencies().summary() : prober.latencies.summary();
                return new Result(rate, sent, sent / seconds, worstDelayNanos / 1e6,
                        Math.max(0, seconds - options.warmupSeconds()),
                        passLatencies.summary(), countLatencies.summary(), committedLatencies.summary(), queries,
                        issued, measuredTickets, prober == null ? 0 : prober.probes, prober == null ? 0 : prober.missed,
                        options.warmupSeconds(), backlog, catchUpSeconds);
            }
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    /** The partition the producer's default partitioner picks for a keyed record. */
    private static int partitionOf(String officeId, int partitions) {
        return Utils.toPositive(Utils.murmur2(officeId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Latency from the send time the producer put in the header, carried along by the topology. */
    private static void measureFromHeader(ConsumerRecord<?, byte[]> record, long nowNanos, long measureFromNanos, Latencies latencies) {
        Header header = record.headers().lastHeader(SENT_AT);
        if (header == null) {
            return;
        }
        long sent = Longs.fromBytes(header.value());
        if (sent >= measureFromNanos) {
            latencies.addMicros((nowNanos - sent) / 1_000);
        }
    }

    private static ProducerRecord<String, byte[]> record(SpecificRecord event, String officeId, long timestamp) {
        if (event instanceof DeskEvent deskEvent) {
            return new ProducerRecord<>(Topics.DESK_EVENTS.name(), null, timestamp, officeId,
                    Topics.DESK_EVENTS.valueSerde().serializer().serialize(Topics.DESK_EVENTS.name(), deskEvent));
        }
        return new ProducerRecord<>(Topics.QUEUE_EVENTS.name(), null, timestamp, officeId,
                Topics.QUEUE_EVENTS.valueSerde().serializer().serialize(Topics.QUEUE_EVENTS.name(), (QueueEvent) event));
    }

    /** Sends each event at once (no linger), so the producer's batching wait is not part of the latency. */
    private static KafkaProducer<String, byte[]> pacedProducer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Reads one topic from its current end with read_committed isolation and hands every record and
     * its arrival time to a callback. It waits at most 10 ms for data in a fetch, so that its own
     * waiting adds little to what it measures.
     */
    private static final class MeasuringConsumer<K> implements AutoCloseable, Runnable {
        private final KafkaConsumer<K, byte[]> consumer;
        private final BiConsumer<ConsumerRecord<K, byte[]>, Long> onRecord;
        private volatile boolean stop;
        private Thread thread;

        MeasuringConsumer(String bootstrapServers, String topic,
                org.apache.kafka.common.serialization.Deserializer<K> keys,
                BiConsumer<ConsumerRecord<K, byte[]>, Long> onRecord) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            this.consumer = new KafkaConsumer<>(p, keys, new ByteArrayDeserializer());
            this.onRecord = onRecord;
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolve the end offsets now, before the producer starts, so no record is skipped.
            partitions.forEach(consumer::position);
        }

        void start() {
            thread = new Thread(this, "bench-measure");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            while (!stop) {
                for (ConsumerRecord<K, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    onRecord.accept(record, System.nanoTime());
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            if (thread != null) {
                thread.join(5_000);
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Polls the queue topology's tickets store through interactive queries every 5 ms for the
     * sampled new tickets, and records how long after the send each first became visible.
     *
     * <p>A task processes its partition in offset order, so within a partition the sampled tickets
     * become visible in the order they were sent: each round asks only for the oldest waiting
     * probe of each partition (and those behind it once it shows), through that partition's store.
     * The prober's cost thus stays flat when the topology falls behind, instead of growing with
     * the backlog and taking CPU from the topology it measures. If the oldest probe is still not
     * visible but the next one is, the oldest was processed and already gone (a ticket closed
     * within 5 ms) and counts as missed; so does one not seen within 30 s or by the end. A miss is
     * never a latency.
     */
    private static final class QueryProber implements AutoCloseable, Runnable {
        private record Probe(String key, long sentNanos) {
        }

        final Latencies latencies = new Latencies();
        volatile int probes;
        volatile int missed;
        private final KafkaStreams streams;
        private final int partitions;
        private final ConcurrentLinkedQueue<Probe>[] incoming;
        private volatile boolean stop;
        private Thread thread;

        @SuppressWarnings("unchecked")
        QueryProber(KafkaStreams streams, int partitions) {
            this.streams = streams;
            this.partitions = partitions;
            this.incoming = new ConcurrentLinkedQueue[partitions];
            for (int p = 0; p < partitions; p++) {
                incoming[p] = new ConcurrentLinkedQueue<>();
            }
        }

        /** @param partition the input partition of the ticket's office, where the ticket's state lives */
        void probe(String key, int partition, long sentNanos) {
            incoming[partition].add(new Probe(key, sentNanos));
            probes++;
        }

        void start() {
            thread = new Thread(this, "bench-query-prober");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            List<ReadOnlyKeyValueStore<String, Object>> stores = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                stores.add(null);
            }
            while (!stop) {
                for (int p = 0; p < partitions; p++) {
                    try {
                        if (stores.get(p) == null) {
                            stores.set(p, streams.store(StoreQueryParameters.fromNameAndType(
                                    QueueStore.TICKETS.storeName(), QueryableStoreTypes.<String, Object>keyValueStore())
                                    .withPartition(p)));
                        }
                        drain(incoming[p], stores.get(p));
                    } catch (InvalidStateStoreException e) {
                        stores.set(p, null);
                    }
                }
                LockSupport.parkNanos(PROBE_POLL_NANOS);
            }
            for (ConcurrentLinkedQueue<Probe> queue : incoming) {
                missed += queue.size();
            }
        }

        private void drain(ConcurrentLinkedQueue<Probe> queue, ReadOnlyKeyValueStore<String, Object> store) {
            for (Probe head; (head = queue.peek()) != null; ) {
                boolean visible = store.get(head.key()) != null;
                long now = System.nanoTime();
                if (visible) {
                    latencies.addMicros((now - head.sentNanos()) / 1_000);
                    queue.poll();
                    continue;
                }
                Iterator<Probe> behind = queue.iterator();
                behind.next();
                boolean overtaken = behind.hasNext() && store.get(behind.next().key()) != null;
                if (overtaken || now - head.sentNanos() > PROBE_GIVE_UP_NANOS) {
                    missed++;
                    queue.poll();
                    continue;
                }
                return;
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            if (thread != null) {
                thread.join(5_000);
            }
        }
    }
}
