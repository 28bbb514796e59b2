package pl.okienko.topics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.utils.Utils;

/**
 * Ends the transactions a killed process left open on the embedded broker. When the application
 * is killed (kill -9, power loss) the broker dies with it, mid-transaction; after the restart the
 * coordinator would abort such a transaction only when its timeout expires (a minute for the
 * ingestion API's producer), and until then every read_committed reader of its partitions — state
 * restoration, the views — waits behind it. At the start of the embedded broker no producer of the
 * new process exists yet, so every ongoing transaction belongs to the dead one.
 *
 * <p>Each is fenced through its coordinator (a new producer epoch for its transactional id), which
 * makes the coordinator itself abort it on every partition it touched, offsets included. Aborting
 * partition by partition instead can tear a transaction the coordinator had already decided to
 * commit (committed state, aborted offsets: events counted twice after the restart). Transactions
 * in prepare-commit or prepare-abort are left to the coordinator, which completes them itself.
 *
 * <p>A broker that reports ready may not have loaded its transaction coordinators yet, and a
 * coordinator that has not lists nothing; so the listing waits until every partition of the
 * transaction log has answered for a transactional id it owns.
 *
 * <p>Only for the embedded broker: on a shared cluster other live producers own open transactions.
 */
final class LeftoverTransactions {

    private static final String PROBE_PREFIX = "okienko-coordinator-probe-";

    private LeftoverTransactions() {
    }

    /** Fences every transactional id with an ongoing transaction; returns those ids. */
    static List<String> fenceAll(Admin admin) throws ExecutionException, InterruptedException {
        if (!admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get()
                .contains(Topic.TRANSACTION_STATE_TOPIC_NAME)) {
            return List.of(); // no transaction has ever begun here
        }
        int partitions = admin.describeTopics(List.of(Topic.TRANSACTION_STATE_TOPIC_NAME)).allTopicNames().get()
                .get(Topic.TRANSACTION_STATE_TOPIC_NAME).partitions().size();
        awaitCoordinatorsLoaded(admin, partitions);
        List<String> ongoing = admin.listTransactions(new ListTransactionsOptions()
                        .filterStates(Set.of(TransactionState.ONGOING)))
                .all().get().stream()
                .map(TransactionListing::transactionalId)
                .sorted()
                .toList();
        if (!ongoing.isEmpty()) {
            admin.fenceProducers(ongoing).all().get();
        }
        return ongoing;
    }

    /**
     * Asks about one transactional id per transaction log partition; the admin client retries while
     * the partition has no leader or its coordinator is loading, so each answer means it is loaded.
     */
    private static void awaitCoordinatorsLoaded(Admin admin, int partitions)
            throws ExecutionException, InterruptedException {
        Map<Integer, String> probes = new TreeMap<>();
        for (int i = 0; probes.size() < partitions; i++) {
            String id = PROBE_PREFIX + i;
            // the coordinator's own mapping of a transactional id to its log partition
            probes.putIfAbsent(Utils.abs(id.hashCode()) % partitions, id);
        }
        var answers = admin.describeTransactions(probes.values());
        for (String probe : probes.values()) {
            try {
                answers.description(probe).get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }
}
