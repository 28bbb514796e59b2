package pl.okienko.bench;

import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.streams.Topology;

import pl.okienko.processors.alerts.AlertTopology;
import pl.okienko.processors.correspondence.CorrespondenceConfig;
import pl.okienko.processors.correspondence.CorrespondenceTopology;
import pl.okienko.processors.incidents.IncidentConfig;
import pl.okienko.processors.incidents.IncidentTopology;
import pl.okienko.processors.phone.PhoneConfig;
import pl.okienko.processors.phone.PhoneTopology;
import pl.okienko.processors.queues.QueueConfig;
import pl.okienko.processors.queues.QueueTopology;
import pl.okienko.processors.surveys.SurveyConfig;
import pl.okienko.processors.surveys.SurveyTopology;
import pl.okienko.topics.Topics;

/**
 * Okienko's topologies as the benchmark runs them: each with the input topics its baselines read too,
 * and the application id the dashboard gives it (the whole-application run uses the same ids, with the
 * run's suffix). The topologies are built from the processors module directly, with the default
 * settings, as the dashboard builds them (it only changes retention periods).
 */
enum Family {
    QUEUE("queue", "okienko-queues", List.of(Topics.QUEUE_EVENTS.name(), Topics.DESK_EVENTS.name()),
            () -> QueueTopology.build(QueueConfig.defaults())),
    PHONE("phone", "okienko-phone", List.of(Topics.PHONE_EVENTS.name()),
            () -> PhoneTopology.build(PhoneConfig.defaults(), Traffic.PERSONAL_DATA)),
    CORRESPONDENCE("correspondence", "okienko-correspondence",
            List.of(Topics.EMAIL_EVENTS.name(), Topics.COMPLAINT_EVENTS.name()),
            () -> CorrespondenceTopology.build(CorrespondenceConfig.defaults())),
    INCIDENTS("incidents", "okienko-incidents", List.of(Topics.INCIDENT_EVENTS.name()),
            () -> IncidentTopology.build(IncidentConfig.defaults())),
    SURVEYS("surveys", "okienko-surveys", List.of(Topics.SURVEY_EVENTS.name()),
            () -> SurveyTopology.build(SurveyConfig.defaults())),
    /** Reads what the others raise: its input is okienko.alerts, not a family of events. */
    ALERTS("alerts", "okienko-alerts", List.of(Topics.ALERTS.name()), AlertTopology::build);

    final String label;
    final String applicationId;
    final List<String> inputs;
    private final Supplier<Topology> topology;

    Family(String label, String applicationId, List<String> inputs, Supplier<Topology> topology) {
        this.label = label;
        this.applicationId = applicationId;
        this.inputs = inputs;
        this.topology = topology;
    }

    Topology topology() {
        return topology.get();
    }

    /** The families of events the simulator's day holds: every family but the alerts. */
    static List<Family> events() {
        return List.of(QUEUE, PHONE, CORRESPONDENCE, INCIDENTS, SURVEYS);
    }

    /** The family whose input topic this is; the alerts for okienko.alerts. */
    static Family ofTopic(String topic) {
        for (Family family : values()) {
            if (family.inputs.contains(topic)) {
                return family;
            }
        }
        throw new IllegalArgumentException("no family reads " + topic);
    }
}
