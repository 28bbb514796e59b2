package pl.okienko.dashboard.whatif;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.json.JsonMapper;

import pl.okienko.topics.Topics;

/**
 * The what-if jobs (issue 15), kept on the compacted topic {@link Topics#WHATIF_JOBS} (JSON by job id) and in memory:
 * read whole when the application starts, written through on every change, a tombstone when one is discarded.
 */
class WhatIfJobs implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private final KafkaProducer<String, String> producer;
    private final Map<String, WhatIfJob> jobs = new ConcurrentHashMap<>();

    WhatIfJobs(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from its start to its end: the latest state of every job not discarded. */
    void load() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.WHATIF_JOBS.name())) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        jobs.remove(record.key());
                    } else {
                        jobs.put(record.key(), fromJson(record.value()));
                    }
                }
            }
        }
    }

    Optional<WhatIfJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job, the latest first. */
    List<WhatIfJob> all() {
        Collection<WhatIfJob> values = jobs.values();
        return values.stream().sorted(Comparator.comparing(WhatIfJob::startedAt).reversed()).toList();
    }

    void save(WhatIfJob job) {
        write(job.id(), toJson(job));
        jobs.put(job.id(), job);
    }

    void forget(String id) {
        write(id, null);
        jobs.remove(id);
    }

    /** A job as it is kept on the topic. */
    static String toJson(WhatIfJob job) {
        return JSON.writeValueAsString(job);
    }

    static WhatIfJob fromJson(String json) {
        return JSON.readValue(json, WhatIfJob.class);
    }

    private void write(String id, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.WHATIF_JOBS.name(), id, value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keeping what-if job " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot keep what-if job " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
