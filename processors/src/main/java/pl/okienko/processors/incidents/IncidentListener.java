package pl.okienko.processors.incidents;

/**
 * Told, on the stream thread, of each office whose incident (I1) an event or an acknowledgement timer has just
 * changed in this instance's stores, so that a security console open here can be pushed the change at once instead
 * of at its next polling round; what the wall-clock housekeeping changes (incidents forgotten, hotspot windows
 * closed) waits for that round. It must return at once: the stream thread waits for it.
 */
@FunctionalInterface
public interface IncidentListener {

    /** Listens to nothing: the topology as the benchmark and the topology tests build it. */
    IncidentListener NONE = officeId -> {
    };

    /** The incident of {@code officeId} just stored has changed. */
    void changed(String officeId);
}
