package pl.okienko.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import pl.okienko.alerts.Alert;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.survey.SurveyEvent;
import pl.okienko.schemas.EventContract;
import pl.okienko.schemas.serde.AvroSerde;

/**
 * The topic catalogue: every topic Okienko reads or writes, with its serdes and configuration.
 * Event topics are keyed by officeId so that one office's events stay in order.
 */
public final class Topics {

    /**
     * How far ahead of the broker's clock a record's timestamp may be on the event and alert topics: the
     * contract's {@link EventContract#MAX_FUTURE} for occurredAt, with an hour to spare for clocks that
     * differ. The broker's default (an hour ahead) refused a day-ahead event the API had accepted, for every
     * retry; on a changelog, alert or dead-letter topic it stopped the topology that wrote it, for good.
     * Kafka Streams' own topics are stamped by the broker ({@code StreamsSettings}: append time), so no window applies.
     */
    public static final long MAX_TIMESTAMP_AHEAD_MS = EventContract.MAX_FUTURE.plus(Duration.ofHours(1)).toMillis();

    /**
     * Event records (and alerts decided on them) carry occurredAt as their timestamp: any past instant from the
     * epoch on (a replay of last year's events is stored, not deleted on arrival), up to a day ahead.
     */
    private static final Map<String, String> EVENTS = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, String.valueOf(Long.MAX_VALUE),
            TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, String.valueOf(MAX_TIMESTAMP_AHEAD_MS));

    private static final Map<String, String> COMPACTED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    /** Dead letters are kept 90 days: long enough to notice, fix the sender and replay. */
    private static final Map<String, String> NINETY_DAYS = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(90L * 24 * 60 * 60 * 1000),
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            // A dead letter keeps its original's timestamp, which the event topics' window allowed.
            TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, String.valueOf(Long.MAX_VALUE),
            TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, String.valueOf(Long.MAX_VALUE));

    private static final Serde<String> KEY = Serdes.String();

    public static final TopicSpec<String, QueueEvent> QUEUE_EVENTS = events("okienko.events.queue", QueueEvent.class);
    public static final TopicSpec<String, DeskEvent> DESK_EVENTS = events("okienko.events.desk", DeskEvent.class);
    public static final TopicSpec<String, PhoneEvent> PHONE_EVENTS = events("okienko.events.phone", PhoneEvent.class);
    public static final TopicSpec<String, EmailEvent> EMAIL_EVENTS = events("okienko.events.email", EmailEvent.class);
    public static final TopicSpec<String, ComplaintEvent> COMPLAINT_EVENTS =
            events("okienko.events.complaint", ComplaintEvent.class);
    public static final TopicSpec<String, IncidentEvent> INCIDENT_EVENTS =
            events("okienko.events.incident", IncidentEvent.class);
    public static final TopicSpec<String, SurveyEvent> SURVEY_EVENTS =
            events("okienko.events.survey", SurveyEvent.class);

    public static final TopicSpec<String, Office> OFFICES = directory("okienko.directory.offices", Office.class);
    public static final TopicSpec<String, Policy> POLICIES = directory("okienko.directory.policies", Policy.class);

    public static final TopicSpec<String, Alert> ALERTS = new TopicSpec<>(
            "okienko.alerts", KEY, AvroSerde.of(Alert.class), TopicSpec.Kind.ALERTS, EVENTS);

    /** Raw key and value of the failed record; the reason and origin travel in headers (see DeadLetterHeader). */
    public static final TopicSpec<byte[], byte[]> DEADLETTER = new TopicSpec<>(
            "okienko.deadletter", Serdes.ByteArray(), Serdes.ByteArray(), TopicSpec.Kind.DEADLETTER, NINETY_DAYS);

    /**
     * What-if replays (issue 15): each job's definition, state and, once done, its result, as JSON keyed by job id;
     * compacted, so the latest state of every job survives a restart, and a tombstone forgets a discarded one.
     */
    public static final TopicSpec<String, String> WHATIF_JOBS = new TopicSpec<>(
            "okienko.whatif.jobs", KEY, Serdes.String(), TopicSpec.Kind.JOBS, COMPACTED);

    private Topics() {
    }

    /** An event family's topic: Avro envelopes keyed by officeId, kept for good. */
    private static <V extends SpecificRecord> TopicSpec<String, V> events(String name, Class<V> envelope) {
        return new TopicSpec<>(name, KEY, AvroSerde.of(envelope), TopicSpec.Kind.EVENTS, EVENTS);
    }

    /** A directory topic: the latest record per key (compacted). */
    private static <V extends SpecificRecord> TopicSpec<String, V> directory(String name, Class<V> record) {
        return new TopicSpec<>(name, KEY, AvroSerde.of(record), TopicSpec.Kind.DIRECTORY, COMPACTED);
    }

    /** Every topic of the catalogue, in a stable order. */
    public static List<TopicSpec<?, ?>> all() {
        return List.of(QUEUE_EVENTS, DESK_EVENTS, PHONE_EVENTS, EMAIL_EVENTS, COMPLAINT_EVENTS, INCIDENT_EVENTS,
                SURVEY_EVENTS, OFFICES, POLICIES, ALERTS, DEADLETTER, WHATIF_JOBS);
    }
}
