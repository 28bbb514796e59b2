package pl.okienko.processors.queues;

import org.apache.kafka.streams.Topology;

import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.EventTopology;
import pl.okienko.processors.common.OfficeClocks;
import pl.okienko.processors.deadlines.DeadlineTimers;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.PriorityWaitState;
import pl.okienko.processors.queues.state.QueueDayCounters;
import pl.okienko.processors.queues.state.QueueAlarmState;
import pl.okienko.processors.queues.state.TicketState;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.schemas.EventFamily;

/**
 * Queues and desks (Q1–Q5, P1, P2): from ticket and desk events to live waiting lines, wait and
 * service time statistics by minute and by day, priority clients waiting and their fulfilment,
 * call order, visit outcomes and pauses by day, and QUEUE_EXCESSIVE and PRIORITY_WAITING alerts.
 *
 * <pre>
 * queue events ─▶ decode ─┐                         ┌─▶ alerts
 *                         ├─▶ queue-state (stores) ─┤
 * desk events  ─▶ decode ─┘          ▲ wall clock   └─▶ dead letters
 * </pre>
 */
public final class QueueTopology {

    static final String STATE = "queue-state";

    private QueueTopology() {
    }

    public static Topology build(QueueConfig config) {
        // Stores are cached: under exactly-once a commit flushes them every 100 ms, so a ticket's
        // many updates within that time reach RocksDB and the changelog once.
        return new EventTopology("queue")
                .state(STATE, () -> new QueueStateProcessor(config), EventFamily.QUEUE, EventFamily.DESK)
                .cachedAvroStore(STATE, QueueStores.TICKETS, TicketState.class)
                .cachedAvroStore(STATE, QueueStores.LINES, WaitingLineState.class)
                .cachedAvroStore(STATE, QueueStores.DESKS, DeskState.class)
                .cachedAvroStore(STATE, QueueStores.ALARMS, QueueAlarmState.class)
                .cachedAvroStore(STATE, QueueStores.PRIORITY_WAITING, PriorityWaitState.class)
                .cachedAvroStore(STATE, QueueStores.DAY_COUNTERS, QueueDayCounters.class)
                .cachedAvroStore(STATE, QueueStores.STATS_BY_DAY, SketchState.class)
                .stores(STATE, MinuteStats.storeBuilders())
                .stores(STATE, EventIds.storeBuilders(QueueStores.EVENT_IDS))
                .store(STATE, OfficeClocks.storeBuilder(QueueStores.CLOCKS))
                .stores(STATE, DeadlineTimers.storeBuilders(QueueStores.DEADLINES))
                .build();
    }
}
