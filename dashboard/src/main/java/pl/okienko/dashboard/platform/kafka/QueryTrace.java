package pl.okienko.dashboard.platform.kafka;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Which copies of the stores answered the reads made on this thread while a trace is open (one API
 * request): the envelope that tells a caller which instance answered and whether from a standby copy.
 */
@Component
public final class QueryTrace {

    private final ThreadLocal<List<Read>> reads = new ThreadLocal<>();

    /**
     * One store read's copy.
     *
     * @param applicationId the Kafka Streams application
     * @param store the store
     * @param copy the partition's copy that answered
     */
    public record Read(String applicationId, String store, StoreAnswer.Copy copy) {
    }

    /** Starts recording this thread's reads, forgetting earlier ones. */
    public void open() {
        reads.set(new ArrayList<>());
    }

    /** The reads since {@link #open()}; empty when none is open. */
    public List<Read> reads() {
        List<Read> current = reads.get();
        return current == null ? List.of() : List.copyOf(current);
    }

    /** Stops recording on this thread. */
    public void close() {
        reads.remove();
    }

    void record(String applicationId, String store, List<StoreAnswer.Copy> copies) {
        List<Read> current = reads.get();
        if (current != null) {
            copies.forEach(copy -> current.add(new Read(applicationId, store, copy)));
        }
    }
}
