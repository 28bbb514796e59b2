package pl.okienko.dashboard.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.message.MissingSchemaException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import tools.jackson.databind.json.JsonMapper;

import pl.okienko.alerts.Alert;
import pl.okienko.dashboard.platform.kafka.BackOffs;
import pl.okienko.topics.Topics;

/**
 * Delivers the alert steps of okienko.alerts to one webhook endpoint, in order, at least once
 * (I1: the alert must reach someone even beyond the browser).
 *
 * <p>Each endpoint has its own consumer group, so one receiver that is down holds back only its own
 * deliveries. A step is committed only after the receiver answered 2xx; until then it is retried
 * with Spring's {@code ExponentialBackOff} ({@link BackOffs#doubling}), for as long as it takes, and after a restart the dispatcher resumes from the
 * last committed step: nothing is lost while the receiver is down. Partitions are assigned, not
 * subscribed, so a long outage does not make the group coordinator drop the consumer. An error of the
 * consumer itself (the cluster unreachable for longer than its timeouts, say) does not end delivery:
 * the consumer is made anew after a backoff and resumes from the last committed step.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final WebhookProperties.Endpoint endpoint;
    private final BackOff backOff;
    private final Map<String, Object> consumerConfig;
    private volatile KafkaConsumer<String, byte[]> consumer;
    /** The waits after consumer errors in a row; null while the consumer runs. Only the dispatcher's thread touches it. */
    private BackOffExecution consumerRetries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean closed;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicReference<Instant> lastDeliveredAt = new AtomicReference<>();
    private final AtomicReference<String> lastDeliveredAlertId = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> lastErrorAt = new AtomicReference<>();
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private final AtomicReference<Instant> nextAttemptAt = new AtomicReference<>();

    /**
     * @param backOff the waits between attempts; it must never give up ({@link BackOffs#doubling} does not)
     * @param clientConfig the cluster's client settings (bootstrap servers, security)
     */
    public WebhookDispatcher(WebhookProperties.Endpoint endpoint, BackOff backOff, Map<String, Object> clientConfig) {
        this.endpoint = endpoint;
        this.backOff = backOff;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "okienko-webhook-" + endpoint.id());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "okienko-webhook-" + endpoint.id());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new endpoint receives what happens from now on, not the whole history.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.thread = new Thread(this::run, "okienko-webhook-" + endpoint.id());
        thread.setDaemon(true);
    }

    public WebhookDispatcher start() {
        thread.start();
        return this;
    }

    /** True once the dispatcher knows where to start; steps published after that are delivered. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What an operator sees of this endpoint. */
    public record Status(String id, String officeId, String url, long delivered, long failedAttempts,
            Instant lastDeliveredAt, String lastDeliveredAlertId, String lastError, Instant lastErrorAt,
            Instant failingSince, Instant nextAttemptAt) {

        /** Up to date, or still trying to deliver a step. */
        public String state() {
            return failingSince == null ? "OK" : "RETRYING";
        }
    }

    public Status status() {
        return new Status(endpoint.id(), endpoint.officeId(), endpoint.url(), delivered.get(), failedAttempts.get(),
                lastDeliveredAt.get(), lastDeliveredAlertId.get(), lastError.get(), lastErrorAt.get(),
                failingSince.get(), nextAttemptAt.get());
    }

    private void run() {
        try {
            while (!closed) {
                KafkaConsumer<String, byte[]> current = null;
                try {
                    current = new KafkaConsumer<>(consumerConfig);
                    consumer = current;
                    consume(current);
                    return;
                } catch (WakeupException | InterruptException e) {
                    return; // closing
                } catch (RuntimeException e) {
                    if (consumerRetries == null) {
                        consumerRetries = backOff.start();
                    }
                    Instant now = Instant.now();
                    Duration wait = Duration.ofMillis(consumerRetries.nextBackOff());
                    LOG.error("Webhook {}: its consumer failed ({}); resuming from the last delivered step in {}",
                            endpoint.id(), e, wait, e);
                    lastError.set(e.toString());
                    lastErrorAt.set(now);
                    failingSince.compareAndSet(null, now);
                    nextAttemptAt.set(now.plus(wait));
                    Thread.sleep(wait.toMillis());
                } finally {
                    Thread.interrupted();
                    if (current != null) {
                        current.close(Duration.ofSeconds(5));
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            ready.countDown();
        }
    }

    /** Delivers from the last committed step on, until closed; throws on a consumer error. */
    private void consume(KafkaConsumer<String, byte[]> consumer) throws InterruptedException {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        // Where a new endpoint starts is written down at once, so a restart before its first
        // delivery resumes there instead of at the then latest step.
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long position = consumer.position(partition);
            if (committed.get(partition) == null) {
                start.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!start.isEmpty()) {
            consumer.commitSync(start);
        }
        if (consumerRetries != null) {
            // Running again after a consumer error: up to date until a delivery says otherwise.
            consumerRetries = null;
            failingSince.set(null);
            nextAttemptAt.set(null);
        }
        ready.countDown();
        while (!closed) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Alert alert = decode(record);
                if (alert != null && endpoint.accepts(alert.getOfficeId(), alert.getType().name())) {
                    deliver(record, alert);
                }
                if (closed) {
                    return; // not committed: delivered again after a restart
                }
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
            }
        }
    }

    /**
     * The alert in a record; null, logged and noted, for one that is not an alert at all (skipped). An
     * alert of a schema this version does not know yet (written by a newer Okienko) is not skipped: the
     * error makes the dispatcher retry it, visibly, until this instance is upgraded.
     */
    private Alert decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            if (e.getCause() instanceof MissingSchemaException) {
                throw e;
            }
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            LOG.warn("Webhook {}: skipped an unreadable alert at {}: {}", endpoint.id(), where, e.getMessage());
            lastError.set("skipped an unreadable alert at " + where + ": " + e.getMessage());
            lastErrorAt.set(Instant.now());
            return null;
        }
    }

    /** Tries until the receiver takes the step; only {@link #close()} ends the attempts. */
    private void deliver(ConsumerRecord<String, byte[]> record, Alert alert) throws InterruptedException {
        String deliveryId = record.topic() + "-" + record.partition() + "-" + record.offset();
        String body = payload(deliveryId, alert);
        BackOffExecution retries = null;
        while (!closed) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
                    .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(endpoint.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            String error;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    delivered.incrementAndGet();
                    lastDeliveredAt.set(Instant.now());
                    lastDeliveredAlertId.set(alert.getAlertId());
                    failingSince.set(null);
                    nextAttemptAt.set(null);
                    return;
                }
                error = "HTTP " + response.statusCode();
            } catch (IOException e) {
                error = e.toString();
            }
            failedAttempts.incrementAndGet();
            Instant now = Instant.now();
            lastError.set(error);
            lastErrorAt.set(now);
            failingSince.compareAndSet(null, now);
            if (retries == null) {
                retries = backOff.start();
                LOG.warn("Webhook {}: delivery {} failed ({}); retrying with backoff", endpoint.id(), deliveryId, error);
            }
            Duration wait = Duration.ofMillis(retries.nextBackOff());
            nextAttemptAt.set(now.plus(wait));
            Thread.sleep(wait.toMillis());
        }
    }

    private static String payload(String deliveryId, Alert a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveryId", deliveryId);
        json.put("alertId", a.getAlertId());
        json.put("type", a.getType().name());
        json.put("rule", a.getRule());
        json.put("state", a.getState().name());
        json.put("officeId", a.getOfficeId());
        json.put("subjectType", a.getSubjectType());
        json.put("subjectId", a.getSubjectId());
        json.put("raisedAt", a.getRaisedAt().toString());
        json.put("at", a.getAt().toString());
        json.put("message", a.getMessage());
        json.put("details", a.getDetails());
        json.put("acknowledgedBy", a.getBy());
        json.put("acknowledgedAt", a.getAcknowledgedAt() == null ? null : a.getAcknowledgedAt().toString());
        return JSON.writeValueAsString(json);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
