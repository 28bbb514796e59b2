package pl.okienko.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.utils.Utils;

/**
 * Ends the transactions a killed process left open on the embedded broker. When the application
 * is killed (kill -9, power loss) the broker dies with it, mid-transaction; after the restart the
 * coordinator would abort such a transaction only when its timeout expires, and until then every
 * read_committed reader of its partitions — state restoration, the views — waits behind it. At
 * the start of the embedded broker no producer of the new process exists yet, so every open
 * transaction belongs to the dead one.
 *
 * <p>In order, because each step is safe only after the one before:
 * <ol>
 * <li>wait until every transaction coordinator has loaded its log (a broker that reports ready may
 * not have, and a coordinator that has not lists nothing);
 * <li>fence every transactional id with an ongoing transaction: its coordinator aborts it on every
 * partition it touched, offsets included;
 * <li>wait until the coordinators have completed what they had decided (prepare-commit,
 * prepare-abort): aborting such a transaction partition by partition would tear it (committed
 * state, aborted offsets: events counted twice after the restart);
 * <li>abort, partition by partition, what is still open although no coordinator has it ongoing: a
 * hanging transaction, seen after a kill -9, that no coordinator will ever end.
 * </ol>
 *
 * <p>Only for the embedded broker: on a shared cluster other live producers own open transactions.
 */
final class LeftoverTransactions {

    private static final String PROBE_PREFIX = "okienko-coordinator-probe-";
    private static final Set<TransactionState> UNFINISHED = Set.of(TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
    private static final Duration COMPLETION_WAIT = Duration.ofSeconds(30);

    private LeftoverTransactions() {
    }

    /** What was ended: transactional ids fenced, and hanging partitions aborted. */
    record Ended(List<String> fenced, List<String> hanging) {

        boolean isEmpty() {
            return fenced.isEmpty() && hanging.isEmpty();
        }
    }

    static Ended endAll(Admin admin) throws ExecutionException, InterruptedException {
        if (!admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get()
                .contains(Topic.TRANSACTION_STATE_TOPIC_NAME)) {
            return new Ended(List.of(), List.of()); // no transaction has ever begun here
        }
        int logPartitions = admin.describeTopics(List.of(Topic.TRANSACTION_STATE_TOPIC_NAME)).allTopicNames().get()
                .get(Topic.TRANSACTION_STATE_TOPIC_NAME).partitions().size();
        awaitCoordinatorsLoaded(admin, logPartitions);

        List<String> ongoing = transactions(admin, Set.of(TransactionState.ONGOING)).stream()
                .map(TransactionListing::transactionalId)
                .sorted()
                .toList();
        if (!ongoing.isEmpty()) {
            admin.fenceProducers(ongoing).all().get();
        }

        Set<Long> unfinished = awaitDecidedCompleted(admin);
        List<String> hanging = new ArrayList<>();
        for (var entry : admin.describeProducers(allPartitions(admin)).all().get().entrySet()) {
            for (ProducerState producer : entry.getValue().activeProducers()) {
                if (producer.currentTransactionStartOffset().isPresent() && !unfinished.contains(producer.producerId())) {
                    admin.abortTransaction(new AbortTransactionSpec(entry.getKey(), producer.producerId(),
                            (short) producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1))).all().get();
                    hanging.add(entry.getKey() + " (producer " + producer.producerId() + ", from offset "
                            + producer.currentTransactionStartOffset().getAsLong() + ")");
                }
            }
        }
        return new Ended(ongoing, hanging);
    }

    /**
     * Asks about one transactional id per transaction log partition; the admin client retries while
     * the partition has no leader or its coordinator is loading, so each answer means it is loaded.
     */
    private static void awaitCoordinatorsLoaded(Admin admin, int logPartitions)
            throws ExecutionException, InterruptedException {
        Map<Integer, String> probes = new TreeMap<>();
        for (int i = 0; probes.size() < logPartitions; i++) {
            String id = PROBE_PREFIX + i;
            // the coordinator's own mapping of a transactional id to its log partition
            probes.putIfAbsent(Utils.abs(id.hashCode()) % logPartitions, id);
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

    /** Waits for prepare-commit and prepare-abort to complete; returns the producers still unfinished. */
    private static Set<Long> awaitDecidedCompleted(Admin admin) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
        while (true) {
            Collection<TransactionListing> unfinished = transactions(admin, UNFINISHED);
            boolean decidedPending = unfinished.stream().anyMatch(t -> t.state() != TransactionState.ONGOING);
            if (!decidedPending || System.nanoTime() > deadline) {
                return unfinished.stream().map(TransactionListing::producerId).collect(Collectors.toSet());
            }
            Thread.sleep(100);
        }
    }

    private static Collection<TransactionListing> transactions(Admin admin, Set<TransactionState> states)
            throws ExecutionException, InterruptedException {
        return admin.listTransactions(new ListTransactionsOptions().filterStates(states)).all().get();
    }

    private static List<TopicPartition> allPartitions(Admin admin) throws ExecutionException, InterruptedException {
        List<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
                .filter(name -> !Topic.TRANSACTION_STATE_TOPIC_NAME.equals(name))
                .toList();
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }
}
