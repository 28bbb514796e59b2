package pl.okienko.dashboard.whatif;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.okienko.dashboard.platform.kafka.BesideStreams;
import pl.okienko.dashboard.platform.kafka.KafkaCluster;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.common.StreamsSettings;
import pl.okienko.processors.phone.PhoneConfig;
import pl.okienko.processors.phone.PhoneTopology;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.processors.whatif.PolicyOverride;
import pl.okienko.processors.whatif.ReplayScope;
import pl.okienko.schemas.PersonalData;
import pl.okienko.topics.Topics;

/**
 * Runs the what-if replays (issue 15): each job's period of one office's phone events read again from the event
 * topic through the unchanged phone topology (T1, T3, T4), under an application id of its own and with the policy
 * override carried in its settings ({@link ReplayScope}). A replay starts at the period's first offsets and is done
 * when its group's committed offsets reach the end offsets taken when it started; its figures are then kept in the job
 * and its Kafka Streams closed. Jobs live on a compacted topic ({@link WhatIfJobs}), so a restart resumes those still
 * running, from their committed offsets. Discarding a job wipes its local state, internal topics and group.
 */
public class WhatIfReplays extends BesideStreams {

    private static final Logger LOG = LoggerFactory.getLogger(WhatIfReplays.class);
    /** The thresholds a replay of the phone topology recomputes. */
    static final Set<PolicyOverride.Key> REPLAYED = EnumSet.of(PolicyOverride.Key.PHONE_ANSWER_SECONDS,
            PolicyOverride.Key.PHONE_RING_LIMIT, PolicyOverride.Key.CALLBACK_DELAY_MINUTES);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaCluster cluster;
    private final Path stateDir;
    private final PersonalData personalData;
    private final PhoneConfig phoneConfig;
    private final WhatIfJobs jobs;
    private final Clock clock;
    private final Map<String, KafkaStreams> running = new ConcurrentHashMap<>();
    private Admin admin;
    private ScheduledExecutorService ticks;

    WhatIfReplays(KafkaCluster cluster, Path stateDir, PersonalData personalData, PhoneConfig phoneConfig,
            WhatIfJobs jobs, Clock clock) {
        super(Order.AFTER);
        this.cluster = cluster;
        this.stateDir = stateDir;
        this.personalData = personalData;
        this.phoneConfig = phoneConfig;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    protected void begin() {
        admin = Admin.create(cluster.clientConfig());
        jobs.load();
        jobs.all().stream().filter(job -> job.state() == WhatIfJob.State.RUNNING).forEach(job -> {
            LOG.info("What-if {} of {} resumes from its committed offsets", job.id(), job.officeId());
            start(job);
        });
        ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "okienko-whatif");
            thread.setDaemon(true);
            return thread;
        });
        ticks.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void end() {
        ticks.shutdownNow();
        // still running jobs stay RUNNING on the topic and go on at the next start
        running.values().forEach(streams -> streams.close(Duration.ofSeconds(10)));
        running.clear();
        admin.close(Duration.ofSeconds(5));
    }

    /**
     * Starts a replay of {@code officeId}'s office-local days {@code from}–{@code to} (both included) under
     * {@code override}, and returns its job, RUNNING with its total.
     */
    synchronized WhatIfJob submit(String officeId, ZoneId zone, LocalDate from, LocalDate to, PolicyOverride override,
            String requestedBy) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ReplayScope scope = scope(officeId, zone, from, to, override);
        Map<TopicPartition, Long> start = new LinkedHashMap<>();
        Map<TopicPartition, Long> end = new LinkedHashMap<>();
        offsets(scope, start, end);
        WhatIfJob job = new WhatIfJob(id, officeId, from, to, zone.getId(), override.fields(), WhatIfJob.State.RUNNING, requestedBy,
                clock.instant(), named(start), named(end), 0, 0, null, null, null, null);
        job = job.progressed(ReplayProgress.of(job.startOffsets(), job.endOffsets(), Map.of(), Duration.ZERO));
        Map<TopicPartition, OffsetAndMetadata> first = new HashMap<>();
        start.forEach((partition, offset) -> first.put(partition, new OffsetAndMetadata(offset)));
        await(admin.alterConsumerGroupOffsets(job.applicationId(), first).all().toCompletionStage()
                .toCompletableFuture());
        jobs.save(job);
        start(job);
        return job;
    }

    private static ReplayScope scope(String officeId, ZoneId zone, LocalDate from, LocalDate to,
            PolicyOverride override) {
        return new ReplayScope(officeId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                override);
    }

    /** The period's first offset (of the first record stamped at or after its start) and the end now, by partition. */
    private void offsets(ReplayScope scope, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        String topic = Topics.PHONE_EVENTS.name();
        TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames()
                .toCompletionStage().toCompletableFuture()).get(topic);
        Map<TopicPartition, OffsetSpec> atStart = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> {
            TopicPartition partition = new TopicPartition(topic, p.partition());
            atStart.put(partition, OffsetSpec.forTimestamp(scope.from().toEpochMilli()));
            latest.put(partition, OffsetSpec.latest());
        });
        ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> ends = await(admin.listOffsets(latest, committed).all()
                .toCompletionStage().toCompletableFuture());
        Map<TopicPartition, ListOffsetsResultInfo> firsts = await(admin.listOffsets(atStart, committed).all()
                .toCompletionStage().toCompletableFuture());
        ends.forEach((partition, info) -> {
            long first = firsts.get(partition).offset();
            // -1: no record stamped at or after the start, nothing to read there
            start.put(partition, first < 0 ? info.offset() : Math.min(first, info.offset()));
            end.put(partition, info.offset());
        });
    }

    private void start(WhatIfJob job) {
        ReplayScope scope = scope(job.officeId(), job.zone(), job.from(), job.to(), PolicyOverride.parse(job.policy()));
        KafkaStreams streams = new KafkaStreams(topology(), settings(job, scope));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.warn("What-if {} failed", job.id(), e);
            fail(job.id(), e.getMessage());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        running.put(job.id(), streams);
        streams.start();
    }

    private Topology topology() {
        return PhoneTopology.build(phoneConfig, personalData);
    }

    private Properties settings(WhatIfJob job, ReplayScope scope) {
        Map<String, Object> overrides = new HashMap<>(cluster.clientConfig());
        overrides.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) cluster.replicationFactor());
        // Nothing of a replay goes to the live dead-letter topic: the live application wrote those already.
        overrides.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        overrides.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        overrides.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
        // Nobody looks at a replay's stores before it is done: commit less often than the live views must.
        overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        overrides.putAll(scope.settings());
        return StreamsSettings.properties(job.applicationId(), cluster.bootstrapServers(), stateDir, overrides);
    }

    /** Moves every running replay's progress on, and finishes those that have read to their end. */
    private void tick() {
        for (String id : List.copyOf(running.keySet())) {
            try {
                step(id);
            } catch (RuntimeException e) {
                LOG.debug("What-if {}: progress not read this time", id, e);
            }
        }
    }

    private synchronized void step(String id) {
        KafkaStreams streams = running.get(id);
        WhatIfJob job = jobs.get(id).orElse(null);
        if (streams == null || job == null || job.state() != WhatIfJob.State.RUNNING) {
            return;
        }
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
            fail(id, "the replay stopped (" + streams.state() + ")");
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(job.applicationId())
                .partitionsToOffsetAndMetadata().toCompletionStage().toCompletableFuture());
        Map<String, Long> at = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                at.put(partition.toString(), offset.offset());
            }
        });
        ReplayProgress progress = ReplayProgress.of(job.startOffsets(), job.endOffsets(), at,
                Duration.between(job.startedAt(), clock.instant()));
        if (!progress.complete()) {
            if (progress.read() != job.read()) {
                jobs.save(job.progressed(progress));
            }
            return;
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return;
        }
        PeriodFigures figures;
        try {
            figures = PeriodFigures.of(new PhoneViews(stores(streams), phoneConfig), job.officeId(), job.from(), job.to(),
                    clock.instant());
        } catch (InvalidStateStoreException e) {
            return;
        }
        jobs.save(job.done(figures, clock.instant()));
        running.remove(id);
        leave(streams);
        LOG.info("What-if {} of {} done: {} records read", id, job.officeId(), progress.total());
    }

    private synchronized void fail(String id, String why) {
        jobs.get(id).filter(job -> job.state() == WhatIfJob.State.RUNNING)
                .ifPresent(job -> jobs.save(job.failed(why, clock.instant())));
        KafkaStreams streams = running.remove(id);
        if (streams != null) {
            // not on the stream thread that failed: close() waits for it
            Thread closing = new Thread(() -> leave(streams), "okienko-whatif-close-" + id);
            closing.setDaemon(true);
            closing.start();
        }
    }

    /**
     * Forgets a job: stops its replay if it runs, wipes its local state ({@link KafkaStreams#cleanUp()}), deletes its
     * internal topics and its consumer group, and writes its tombstone.
     */
    synchronized void discard(WhatIfJob job) {
        KafkaStreams streams = running.remove(job.id());
        if (streams == null) {
            ReplayScope scope = scope(job.officeId(), job.zone(), job.from(), job.to(), PolicyOverride.parse(job.policy()));
            streams = new KafkaStreams(topology(), settings(job, scope));
        } else {
            leave(streams);
        }
        streams.cleanUp();
        streams.close(Duration.ofSeconds(10));
        String prefix = job.applicationId() + "-";
        List<String> internal = await(admin.listTopics().names().toCompletionStage().toCompletableFuture()).stream()
                .filter(name -> name.startsWith(prefix)).toList();
        if (!internal.isEmpty()) {
            await(admin.deleteTopics(internal).all().toCompletionStage().toCompletableFuture());
        }
        deleteGroup(job.applicationId());
        jobs.forget(job.id());
    }

    private void deleteGroup(String group) {
        for (int attempt = 0; ; attempt++) {
            try {
                admin.deleteConsumerGroups(List.of(group)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return;
                }
                if (!(e.getCause() instanceof GroupNotEmptyException) || attempt >= 20) {
                    throw new IllegalStateException("cannot delete the group " + group + ": " + e.getCause(), e);
                }
                sleep(Duration.ofMillis(500));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("cannot delete the group " + group + " in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Closes a replay and takes it out of its group at once, so that the group can be deleted. */
    private static void leave(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }

    private static StoreAccess stores(KafkaStreams streams) {
        return new StoreAccess() {
            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
                return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
            }
        };
    }

    private static Map<String, Long> named(Map<TopicPartition, Long> offsets) {
        Map<String, Long> named = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> named.put(partition.toString(), offset));
        return named;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the cluster", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster did not answer: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
