package pl.okienko.dashboard.platform.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.PriorityClientView;
import pl.okienko.processors.queues.QueueLiveView;

/**
 * What the live panel already holds about an alert's subject now (Q2: the queue's line, P1: the priority
 * client's wait), so an alert shows the current figure beside the one it was raised with.
 */
public record LiveFigures(Map<String, QueueLiveView> queues, Map<String, PriorityClientView> priorityClients) {

    /** Nothing live known. */
    public static final LiveFigures NONE = new LiveFigures(Map.of(), Map.of());

    /** The queues of {@code queues} by id, and the waiting priority clients of {@code priority} (may be null) by ticket. */
    public static LiveFigures of(OfficeQueuesView queues, OfficePriorityView priority) {
        return new LiveFigures(byId(queues == null ? null : queues.queues(), QueueLiveView::id),
                byId(priority == null ? null : priority.waitingNow(), PriorityClientView::ticketId));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        if (items == null) {
            return Map.of();
        }
        return items.stream().filter(item -> id.apply(item) != null)
                .collect(Collectors.toUnmodifiableMap(id, item -> item, (first, second) -> first));
    }
}
