package pl.okienko.dashboard.incidents;

import org.springframework.stereotype.Component;

import pl.okienko.processors.incidents.IncidentListener;

/**
 * Carries the incident topology's word that an office's incidents changed here (I1) to the live console
 * ({@link IncidentUpdates}). A bean of its own because the topology is built before the views the console reads.
 */
@Component
public class IncidentChanges implements IncidentListener {

    private volatile Runnable subscriber = () -> {
    };

    @Override
    public void changed(String officeId) {
        subscriber.run();
    }

    /** {@code onChange} runs on the stream thread and must return at once. */
    void subscribe(Runnable onChange) {
        this.subscriber = onChange;
    }
}
