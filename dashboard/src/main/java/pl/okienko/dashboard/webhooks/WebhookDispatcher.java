package pl.okienko.dashboard.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.message.MissingSchemaException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
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
 * <p>A Spring Kafka listener container does the consuming: each endpoint has its own consumer group,
 * so one receiver that is down holds back only its own deliveries. A step is committed only after the
 * receiver answered 2xx; until then the container's {@link DefaultErrorHandler} tries it again with
 * Spring's {@code ExponentialBackOff} ({@link BackOffs#doubling}), for as long as it takes, polling
 * between attempts so the group keeps the consumer; after a restart delivery resumes from the last
 * committed step: nothing is lost while the receiver is down. A new endpoint starts at the latest step,
 * and that position is committed on assignment, so a restart before its first delivery resumes there.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The back-off sleeps on the consumer's thread between polls, so the group must allow a poll
     * interval longer than the longest wait ({@link WebhookProperties} keeps it under five minutes).
     */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);

    private final WebhookProperties.Endpoint endpoint;
    private final KafkaMessageListenerContainer<String, byte[]> container;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch ready = new CountDownLatch(1);

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
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "okienko-webhook-" + endpoint.id());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new endpoint receives what happens from now on, not the whole history.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_POLL_INTERVAL.toMillis());

        ContainerProperties properties = new ContainerProperties(Topics.ALERTS.name());
        properties.setGroupId("okienko-webhook-" + endpoint.id());
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.LATEST_ONLY_NO_TX);
        properties.setConsumerRebalanceListener(new ReadyOnAssignment());
        properties.setMessageListener((MessageListener<String, byte[]>) this::onStep);
        this.container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                properties);
        container.setBeanName("okienko-webhook-" + endpoint.id());
        container.setCommonErrorHandler(new RetryUntilDelivered(observed(backOff)));
    }

    public WebhookDispatcher start() {
        container.start();
        return this;
    }

    /** True once the dispatcher knows where to start; steps published after that are delivered. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What an operator sees of this endpoint. */
    public record Status(String id, String officeId, String url, boolean connected, long delivered,
            long failedAttempts, Instant lastDeliveredAt, String lastDeliveredAlertId, String lastError,
            Instant lastErrorAt, Instant failingSince, Instant nextAttemptAt) {

        /** Not yet given its partitions by the cluster, up to date, or still trying to deliver a step. */
        public String state() {
            if (failingSince != null) {
                return "RETRYING";
            }
            return connected ? "OK" : "CONNECTING";
        }
    }

    public Status status() {
        return new Status(endpoint.id(), endpoint.officeId(), endpoint.url(), ready.getCount() == 0, delivered.get(),
                failedAttempts.get(), lastDeliveredAt.get(), lastDeliveredAlertId.get(), lastError.get(),
                lastErrorAt.get(), failingSince.get(), nextAttemptAt.get());
    }

    /** One step: delivered once (an exception makes the error handler try it again), or skipped. */
    private void onStep(ConsumerRecord<String, byte[]> record) {
        Alert alert = decode(record);
        if (alert != null && endpoint.accepts(alert.getOfficeId(), alert.getType().name())) {
            deliver(record, alert);
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

    /** One attempt; throws {@link DeliveryFailedException} unless the receiver answered 2xx. */
    private void deliver(ConsumerRecord<String, byte[]> record, Alert alert) {
        String deliveryId = record.topic() + "-" + record.partition() + "-" + record.offset();
        String body = payload(deliveryId, alert);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(endpoint.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int statusCode;
        try {
            statusCode = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailedException(deliveryId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException(deliveryId, "interrupted: the dispatcher is stopping");
        }
        if (statusCode / 100 != 2) {
            throw new DeliveryFailedException(deliveryId, "HTTP " + statusCode);
        }
        delivered.incrementAndGet();
        lastDeliveredAt.set(Instant.now());
        lastDeliveredAlertId.set(alert.getAlertId());
        failingSince.set(null);
        nextAttemptAt.set(null);
    }

    /** The back-off, telling the status when the next attempt is due each time it is asked for a wait. */
    private BackOff observed(BackOff backOff) {
        return () -> {
            BackOffExecution waits = backOff.start();
            return () -> {
                long wait = waits.nextBackOff();
                nextAttemptAt.set(Instant.now().plusMillis(wait));
                return wait;
            };
        };
    }

    private void noteFailure(String error) {
        Instant now = Instant.now();
        lastError.set(error);
        lastErrorAt.set(now);
        failingSince.compareAndSet(null, now);
    }

    /** A receiver that did not take a step: its answer or the I/O error, for the status. */
    private static final class DeliveryFailedException extends RuntimeException {

        private final String error;

        DeliveryFailedException(String deliveryId, String error) {
            super(error + " (delivery " + deliveryId + ")", null, false, false);
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    /** The container's error handler, retrying a step until delivered and telling the status why it waits. */
    private final class RetryUntilDelivered extends DefaultErrorHandler {

        RetryUntilDelivered(BackOff backOff) {
            super(backOff);
            setRetryListeners(new RetryListener() {
                @Override
                public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                    failedAttempts.incrementAndGet();
                    Throwable cause = e instanceof ListenerExecutionFailedException && e.getCause() != null
                            ? e.getCause() : e;
                    String error = cause instanceof DeliveryFailedException failed ? failed.error() : cause.toString();
                    noteFailure(error);
                    if (attempt == 1) {
                        LOG.warn("Webhook {}: delivery of {}-{}@{} failed ({}); retrying with backoff",
                                endpoint.id(), record.topic(), record.partition(), record.offset(), error);
                    }
                }
            });
        }

        @Override
        public void handleOtherException(Exception e, Consumer<?, ?> consumer, MessageListenerContainer container,
                boolean batchListener) {
            // The consumer itself failed (the cluster unreachable beyond its timeouts, say): the container
            // goes on polling and resumes from the last committed step; the status shows the error.
            lastError.set(e.toString());
            lastErrorAt.set(Instant.now());
            super.handleOtherException(e, consumer, container, batchListener);
        }
    }

    /** Resolves where a new endpoint starts before saying it is ready, so no later step is missed. */
    private final class ReadyOnAssignment implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            partitions.forEach(consumer::position);
            ready.countDown();
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
        // A step not yet delivered is not committed: it is delivered again after a restart.
        container.stop();
    }
}
