package pl.okienko.dashboard.ingest;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.dashboard.platform.kafka.SupervisedStreams;
import pl.okienko.schemas.EventFamily;

/**
 * Which processor reads each event family, and whether it is down now. While the processor of a
 * family has failed and waits for its restart, {@code POST /api/v1/events} answers 503 for batches
 * holding that family's events only, so a building system learns its events are not being counted,
 * while the other families go on being accepted.
 */
@Component
public class ProcessorAvailability {

    private final StreamsRuntime runtime;

    public ProcessorAvailability(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    /** The first family of {@code families} whose processor is down, with why; empty when all can be processed. */
    public Optional<String> down(Set<EventFamily> families) {
        for (EventFamily family : families) {
            String applicationId = reader(family);
            if (applicationId == null) {
                continue;
            }
            SupervisedStreams application = runtime.application(applicationId);
            if (application.down()) {
                String why = application.lastFailure().map(SupervisedStreams.Failure::reason).orElse("it is not running");
                return Optional.of("events of family " + family.name().toLowerCase() + " cannot be processed now: "
                        + applicationId + " has failed (" + why + ") and is being restarted; nothing was written, "
                        + "send the batch again later");
            }
        }
        return Optional.empty();
    }

    /** The application id of the processor that reads {@code family}; null for one no processor reads. */
    private static String reader(EventFamily family) {
        return switch (family) {
            case QUEUE, DESK -> KafkaConfiguration.QUEUES_APPLICATION_ID;
            case PHONE -> KafkaConfiguration.PHONE_APPLICATION_ID;
            case EMAIL, COMPLAINT -> KafkaConfiguration.CORRESPONDENCE_APPLICATION_ID;
            case INCIDENT -> KafkaConfiguration.INCIDENTS_APPLICATION_ID;
            case SURVEY -> KafkaConfiguration.SURVEYS_APPLICATION_ID;
        };
    }
}
