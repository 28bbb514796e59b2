package pl.okienko.dashboard.platform.kafka;

import org.springframework.context.SmartLifecycle;

/**
 * Work that lasts as long as the application, ordered against the topologies of {@link StreamsRuntime}:
 * started just {@link Order#BEFORE before} them (what they must read from the start, e.g. the start-up
 * directory) or just {@link Order#AFTER after} them (what feeds or follows them, e.g. webhooks, the
 * demo's traffic), and stopped in the reverse order.
 */
public abstract class BesideStreams implements SmartLifecycle {

    /** When the work starts, relative to the topologies. */
    public enum Order {
        BEFORE(-1), AFTER(1);

        private final int offset;

        Order(int offset) {
            this.offset = offset;
        }
    }

    private final int phase;
    private volatile boolean running;

    protected BesideStreams(Order order) {
        this.phase = StreamsRuntime.PHASE + order.offset;
    }

    /** Starts the work; an exception stops the application's start. */
    protected abstract void begin();

    /** Ends the work; nothing by default. */
    protected void end() {
    }

    @Override
    public final synchronized void start() {
        begin();
        running = true;
    }

    @Override
    public final synchronized void stop() {
        running = false;
        end();
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}
