package pl.okienko.processors.queues;

import org.apache.kafka.streams.Topology;

import pl.okienko.processors.common.EventIds;
import pl.okienko.processors.common.EventTopology;
import pl.okienko.processors.common.OfficeClocks;
import pl.okienko.processors.common.WriteBehind;
import pl.okienko.processors.queues.state.DeskState;
import pl.okienko.processors.queues.state.PriorityWaitState;
import pl.okienko.processors.queues.state.QueueAlarmState;
import pl.okienko.processors.queues.state.QueueDayCounters;
import pl.okienko.processors.queues.state.QueueHourState;
import pl.okienko.processors.queues.state.TicketState;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.processors.stats.state.SketchState;
import pl.okienko.schemas.EventFamily;

/**
 * Queues and desks (Q1–Q5, P1, P2): from ticket and desk events to live waiting lines, wait and
 * service time statistics by minute and by day, hourly figures for the day charts, priority clients waiting and their fulfilment,
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
        // The stores' values stay decoded and reach the stores once per commit (WriteBehind): they take no record
        // cache. The seen events are written at each event, each key once.
        return new EventTopology("queue")
                .state(STATE, () -> new QueueStateProcessor(config), EventFamily.QUEUE, EventFamily.DESK)
                .store(STATE, WriteBehind.storeBuilder(QueueStore.OFFICE_CLOCKS.prefix()))
                .avroStore(STATE, QueueStore.TICKETS.storeName(), TicketState.class)
                .avroStore(STATE, QueueStore.WAITING_LINES.storeName(), WaitingLineState.class)
                .avroStore(STATE, QueueStore.OPEN_DESKS.storeName(), DeskState.class)
                .avroStore(STATE, QueueStore.EXCESSIVE_ALARMS.storeName(), QueueAlarmState.class)
                .avroStore(STATE, QueueStore.PRIORITY_WAITING.storeName(), PriorityWaitState.class)
                .avroStore(STATE, QueueStore.DAY_COUNTERS.storeName(), QueueDayCounters.class)
                .avroStore(STATE, QueueStore.STATS_BY_DAY.storeName(), SketchState.class)
                .avroStore(STATE, QueueStore.HOURLY_SERIES.storeName(), QueueHourState.class)
                .stores(STATE, MinuteStats.storeBuilders())
                .stores(STATE, EventIds.storeBuilders(QueueStore.SEEN_EVENTS.storeName()))
                .store(STATE, OfficeClocks.storeBuilder(QueueStore.OFFICE_CLOCKS.storeName()))
                .build();
    }
}
