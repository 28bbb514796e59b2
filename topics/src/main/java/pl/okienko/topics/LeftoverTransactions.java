package pl.okienko.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;

/**
 * Aborts the transactions a killed process left open on the embedded broker. When the
 * application is killed (kill -9, power loss) the broker dies with it, mid-transaction; after an
 * unclean restart such a transaction can stay open for good (a "hanging" transaction), and every
 * read_committed reader of that partition — state restoration, the views — waits behind it. At
 * the start of the embedded broker no producer of the new process exists yet, so every open
 * transaction belongs to the dead one and aborting it loses nothing that was committed.
 *
 * <p>Only for the embedded broker: on a shared cluster other live producers own open transactions.
 *
 * <p>A transaction the coordinator had already decided when the process died (prepare-commit or
 * prepare-abort) is left to the coordinator, which writes its markers to every partition once it has
 * loaded its log: aborting some of its partitions here would tear it (committed state, aborted
 * offsets, and events counted twice after the restart).
 */
final class LeftoverTransactions {

    /** Coordinator states in which the outcome is fixed and the coordinator is completing it. */
    private static final Set<TransactionState> DECIDED = Set.of(TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);

    private LeftoverTransactions() {
    }

    /** Aborts every open transaction on every partition (including the consumer offsets topic); returns them. */
    static List<String> abortAll(Admin admin) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
                .filter(name -> !Topic.TRANSACTION_STATE_TOPIC_NAME.equals(name))
                .toList();
        if (topics.isEmpty()) {
            return List.of();
        }
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        Set<Long> decided = admin.listTransactions().all().get().stream()
                .filter(listing -> DECIDED.contains(listing.state()))
                .map(TransactionListing::producerId)
                .collect(Collectors.toSet());
        List<String> aborted = new ArrayList<>();
        var producers = admin.describeProducers(partitions).all().get();
        for (var entry : producers.entrySet()) {
            for (ProducerState producer : entry.getValue().activeProducers()) {
                if (producer.currentTransactionStartOffset().isPresent() && !decided.contains(producer.producerId())) {
                    admin.abortTransaction(new AbortTransactionSpec(entry.getKey(), producer.producerId(),
                            (short) producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1))).all().get();
                    aborted.add(entry.getKey() + " (producer " + producer.producerId() + ", from offset "
                            + producer.currentTransactionStartOffset().getAsLong() + ")");
                }
            }
        }
        return aborted;
    }
}
