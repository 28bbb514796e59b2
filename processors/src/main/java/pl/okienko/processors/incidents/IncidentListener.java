package pl.okienko.processors.incidents;

/**
 * Told, on the stream thread, of each office whose incidents (I1) have just changed in this instance's stores, so
 * that a security console open here can be pushed the change at once instead of at its next polling round. It must
 * return at once: the stream thread waits for it.
 */
@FunctionalInterface
public interface IncidentListener {

    /** Listens to nothing: the topology as the benchmark and the topology tests build it. */
    IncidentListener NONE = officeId -> {
    };

    void changed(String officeId);
}
