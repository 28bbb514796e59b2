package pl.okienko.processors.queues;

/**
 * A priority client waiting now (P1): how long, how many regular clients were called past them,
 * and whether PRIORITY_WAITING has been raised.
 *
 * @param declined the client chose to wait in the normal order (no bypasses counted meanwhile)
 */
public record PriorityClientView(String ticketId, String queueId, String queueName, String category,
        long waitSeconds, int bypasses, boolean declined, long targetSeconds, boolean overTarget, boolean warned) {
}
