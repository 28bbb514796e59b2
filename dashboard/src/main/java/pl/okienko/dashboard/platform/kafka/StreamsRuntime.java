package pl.okienko.dashboard.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.common.StreamsSettings;

/**
 * Runs the Kafka Streams applications of Okienko (one per concern, e.g. {@code okienko-queues}) for
 * the lifetime of the Spring context: started before the web server takes requests, closed after it
 * stops and before the embedded broker goes down. Their metrics are bound to Micrometer, and what each
 * restores from its changelogs is logged and counted ({@link StateRestoreReport}).
 *
 * <p>After a run that did not stop cleanly the local state is wiped before the start and rebuilt from
 * the changelog topics. Exactly-once Kafka Streams discards that state anyway (no checkpoint), but
 * only after opening it, and a process killed while RocksDB was creating a store (a new window
 * segment, say) leaves one that cannot be opened: Kafka Streams then refuses to start at all.
 *
 * <p>An application that fails for good is restarted with back-off ({@link SupervisedStreams}); the
 * health and the ingestion API see which one is down and why.
 */
public class StreamsRuntime implements SmartLifecycle {

    /** Before the web server (so views exist when requests come) and stopped after it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);
    /** First wait before a failed application is started again; doubled after each failure in a row. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Map<String, SupervisedStreams> instances = new LinkedHashMap<>();
    private final CleanStopMarker cleanStop;
    /** The applications started in this run: only they can have stopped cleanly. */
    private final Set<String> started = new HashSet<>();
    private final MeterRegistry meterRegistry;
    private final Map<String, KafkaStreamsMetrics> metrics = new HashMap<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "okienko-streams-restarts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    /** This instance's {@code application.server}; null when it runs alone. */
    private final HostInfo self;
    private final Map<String, Set<String>> globalStores = new HashMap<>();
    private final PeerStoreQueries peers;
    private final QueryTrace trace;

    /**
     * @param topologies makes each application's topology, by application id (again at every restart)
     * @param trace where the store reads of a request are noted, for its answer's envelope
     */
    public StreamsRuntime(KafkaCluster cluster, OkienkoProperties properties, Map<String, Supplier<Topology>> topologies,
            MeterRegistry meterRegistry, QueryTrace trace) {
        this.meterRegistry = meterRegistry;
        this.trace = trace;
        Path stateDir = stateDir(properties);
        Map<String, Object> overrides = new HashMap<>(cluster.clientConfig());
        overrides.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) cluster.replicationFactor());
        overrides.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.kafka().standbyReplicas());
        // Static membership: an instance restarted (even after kill -9) takes its old place in each group at
        // once, instead of waiting for the dead member's session to expire before the rebalance can finish.
        overrides.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId(stateDir));
        if (properties.kafka().sessionTimeout() != null) {
            overrides.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                    (int) properties.kafka().sessionTimeout().toMillis());
        }
        String applicationServer = properties.kafka().applicationServer();
        if (applicationServer != null && !applicationServer.isBlank()) {
            overrides.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer.strip());
            this.self = HostInfo.buildFromEndpoint(applicationServer.strip());
        } else {
            this.self = null;
        }
        this.peers = new PeerStoreQueries(properties.cluster().secret(), properties.cluster().peerTimeout());
        this.cleanStop = new CleanStopMarker(stateDir);
        topologies.forEach((applicationId, topology) -> {
            globalStores.put(applicationId, topology.get().describe().globalStores().stream()
                    .flatMap(store -> store.processor().stores().stream()).collect(Collectors.toUnmodifiableSet()));
            Properties config = StreamsSettings.properties(applicationId, cluster.bootstrapServers(), stateDir, overrides);
            StateRestoreReport restores = new StateRestoreReport(applicationId, meterRegistry);
            instances.put(applicationId, new SupervisedStreams(applicationId, () -> {
                KafkaStreams streams = new KafkaStreams(topology.get(), config);
                streams.setGlobalStateRestoreListener(restores);
                streams.setStandbyUpdateListener(restores);
                return streams;
            },
                    restarts, BackOffs.doubling(FIRST_BACKOFF, MAX_BACKOFF), Clock.systemUTC(), streams -> bindMetrics(applicationId, streams)));
        });
    }

    /** Where Kafka Streams keeps local state, and this installation keeps its id. */
    static Path stateDir(OkienkoProperties properties) {
        return properties.dataDir().resolve("streams").toAbsolutePath();
    }

    /** This installation's stable member id, kept with its state; created on first start. */
    static String instanceId(Path stateDir) {
        Path file = stateDir.resolve("okienko-instance-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(stateDir);
            String id = "okienko-" + UUID.randomUUID();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file, e);
        }
    }

    /** The supervised applications by application id, in start order. */
    public Map<String, SupervisedStreams> applications() {
        return Collections.unmodifiableMap(instances);
    }

    /** The application's instance in use now (a restart replaces it: ask again, never keep it). */
    public KafkaStreams instance(String applicationId) {
        return application(applicationId).current();
    }

    public SupervisedStreams application(String applicationId) {
        SupervisedStreams streams = instances.get(applicationId);
        if (streams == null) {
            throw new IllegalArgumentException("no Kafka Streams application " + applicationId);
        }
        return streams;
    }

    /**
     * Reads the application's stores through whichever instance is current, on this instance or, for the
     * partitions another instance holds, on that one ({@link RoutedStoreAccess}).
     */
    public StoreAccess storeAccess(String applicationId) {
        SupervisedStreams streams = application(applicationId);
        return new RoutedStoreAccess(applicationId, streams::current, self, globalStores.get(applicationId), peers, trace);
    }

    /** Runs a store query on this instance's copies only: another instance's request ({@link InstanceQueryController}). */
    StoreAnswer<Object> queryHere(String applicationId, StoreQuery query) {
        return LocalStoreQueries.run(application(applicationId).current(), RoutedStoreAccess.name(self), query);
    }


    @Override
    public synchronized void start() {
        try {
            instances.forEach((applicationId, streams) -> {
                boolean wipe = !cleanStop.lastRunStoppedCleanly(applicationId);
                if (wipe) {
                    LOG.warn("Kafka Streams {}: its last run did not stop cleanly; its local state is rebuilt from the "
                            + "changelog topics", applicationId);
                }
                cleanStop.running(applicationId);
                streams.start(instance -> start(applicationId, instance, wipe));
                started.add(applicationId);
            });
        } catch (RuntimeException e) {
            // Spring calls stop() only on a running bean: close what did start, or its threads would keep the JVM up.
            closeAll();
            throw e;
        }
        running = true;
    }

    /** Locks on the metrics map, never on this runtime: a restart binds while stop() may hold the runtime's lock. */
    private void bindMetrics(String applicationId, KafkaStreams streams) {
        synchronized (metrics) {
            KafkaStreamsMetrics old = metrics.remove(applicationId);
            if (old != null) {
                old.close();
            }
            KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, List.of(Tag.of("okienko.application", applicationId)));
            binder.bindTo(meterRegistry);
            metrics.put(applicationId, binder);
        }
    }

    /** Starts a created instance, first wiping its local state if {@code wipeLocalState}. */
    static void start(String applicationId, KafkaStreams streams, boolean wipeLocalState) {
        if (wipeLocalState) {
            streams.cleanUp();
        }
        try {
            streams.start();
        } catch (ProcessorStateException e) {
            // The clean-stop marker is already gone, so the next start wipes this state and rebuilds it.
            throw new IllegalStateException("Kafka Streams " + applicationId + " cannot open its local state; "
                    + "start Okienko again to rebuild it from the changelog topics", e);
        }
    }

    @Override
    public synchronized void stop() {
        closeAll();
        running = false;
    }

    private void closeAll() {
        instances.forEach((applicationId, streams) -> {
            if (streams.close() && started.remove(applicationId)) {
                cleanStop.stoppedCleanly(applicationId);
            }
        });
        restarts.shutdownNow();
        synchronized (metrics) {
            metrics.values().forEach(KafkaStreamsMetrics::close);
            metrics.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
