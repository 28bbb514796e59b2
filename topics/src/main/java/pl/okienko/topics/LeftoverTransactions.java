package pl.okienko.topics;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.server.common.TransactionVersion;

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
 * <li>end, partition by partition, what is still open although no coordinator has it unfinished,
 * once that has not changed for ten seconds: a hanging transaction that no coordinator will ever end.
 * A coordinator completing a decided transaction is not always listed as doing so right after the
 * restart, and ending it before its markers land tears it.
 * </ol>
 *
 * <p>How a transaction comes to hang: for a few seconds after the restart the broker leads its
 * partitions on the metadata of its previous run, before the controller fences that old incarnation.
 * A coordinator completing a decided transaction then cannot reach the broker's listener, and when the
 * fence leaves the partitions without a leader, Kafka takes them for deleted and records the
 * transaction as complete without their markers. So a hanging transaction is ended the way its
 * coordinator decided it: committed if the coordinator completed it as a commit (with transactions
 * version 2 the coordinator's epoch is then one above the epoch of the open records), aborted
 * otherwise. Aborting a decided commit would tear it: offsets committed, state changes dropped.
 * Committing needs a request the admin client does not offer ({@link BrokerRequest}).
 *
 * <p>Only for the embedded broker: on a shared cluster other live producers own open transactions.
 */
final class LeftoverTransactions {

    private static final String PROBE_PREFIX = "okienko-coordinator-probe-";
    private static final Set<TransactionState> UNFINISHED = Set.of(TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
    private static final Duration COMPLETION_WAIT = Duration.ofSeconds(30);
    private static final Duration HANGING_QUIET = Duration.ofSeconds(10);

    private LeftoverTransactions() {
    }

    /** What was ended: transactional ids fenced, hanging partitions aborted and hanging partitions committed. */
    record Ended(List<String> fenced, List<String> aborted, List<String> committed) {

        boolean isEmpty() {
            return fenced.isEmpty() && aborted.isEmpty() && committed.isEmpty();
        }
    }

    /**
     * Ends every transaction left open on the single broker at {@code bootstrapServers}.
     *
     * @throws IOException if a commit marker cannot be written
     */
    static Ended endAll(Admin admin, String bootstrapServers)
            throws ExecutionException, InterruptedException, IOException {
        if (!admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get()
                .contains(Topic.TRANSACTION_STATE_TOPIC_NAME)) {
            return new Ended(List.of(), List.of(), List.of()); // no transaction has ever begun here
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

        awaitDecidedCompleted(admin);
        List<String> aborted = new ArrayList<>();
        List<String> committed = new ArrayList<>();
        // one transaction = one producer at one epoch, open on one or more partitions
        Map<ProducerEpoch, List<Open>> transactions = awaitHangingSettled(admin).stream()
                .collect(Collectors.groupingBy(o -> new ProducerEpoch(o.producer().producerId(), o.producer().producerEpoch()),
                        LinkedHashMap::new, Collectors.toList()));
        for (List<Open> transaction : transactions.values()) {
            ProducerState producer = transaction.get(0).producer();
            if (committedByItsCoordinator(admin, producer.producerId(), producer.producerEpoch())) {
                commit(bootstrapServers, transaction);
                transaction.forEach(open -> committed.add(open.toString()));
            } else {
                for (Open open : transaction) {
                    ProducerState state = open.producer();
                    admin.abortTransaction(new AbortTransactionSpec(open.partition(), state.producerId(),
                            (short) state.producerEpoch(), state.coordinatorEpoch().orElse(-1))).all().get();
                    aborted.add(open.toString());
                }
            }
        }
        return new Ended(ongoing, aborted, committed);
    }

    /**
     * Whether the coordinator of {@code producerId} completed, as a commit, the transaction whose records
     * are open at {@code openEpoch}: with transactions version 2 every end of a transaction raises the
     * producer's epoch by one, so the commit of that transaction left the coordinator one epoch above it.
     */
    private static boolean committedByItsCoordinator(Admin admin, long producerId, int openEpoch)
            throws ExecutionException, InterruptedException {
        List<String> ids = admin.listTransactions(new ListTransactionsOptions().filterProducerIds(Set.of(producerId)))
                .all().get().stream()
                .map(TransactionListing::transactionalId)
                .toList();
        if (ids.isEmpty()) {
            return false; // no coordinator remembers the producer: nothing was decided
        }
        return admin.describeTransactions(ids).all().get().values().stream()
                .anyMatch(t -> t.producerId() == producerId && t.state() == TransactionState.COMPLETE_COMMIT
                        && t.producerEpoch() == openEpoch + 1);
    }

    /** Writes the commit marker its coordinator did not write on the partitions of one transaction. */
    private static void commit(String bootstrapServers, List<Open> transaction) throws IOException {
        ProducerState producer = transaction.get(0).producer();
        // a marker must not carry an older coordinator epoch than one a partition has already seen for the producer
        int coordinatorEpoch = transaction.stream()
                .mapToInt(open -> open.producer().coordinatorEpoch().orElse(-1))
                .max().orElse(-1);
        WriteTxnMarkersRequest.TxnMarkerEntry marker = new WriteTxnMarkersRequest.TxnMarkerEntry(producer.producerId(),
                (short) (producer.producerEpoch() + 1), coordinatorEpoch, TransactionResult.COMMIT,
                transaction.stream().map(Open::partition).toList(), TransactionVersion.TV_2.featureLevel());
        WriteTxnMarkersResponse response = (WriteTxnMarkersResponse) BrokerRequest.send(bootstrapServers,
                new WriteTxnMarkersRequest.Builder(List.of(marker)).build(ApiKeys.WRITE_TXN_MARKERS.latestVersion()));
        Map<TopicPartition, Errors> failed = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        response.errorsByProducerId().getOrDefault(producer.producerId(), Map.of()).forEach((partition, error) -> {
            if (error != Errors.NONE) {
                failed.put(partition, error);
            }
        });
        if (!failed.isEmpty()) {
            throw new IOException("Cannot commit the transaction of producer " + producer.producerId()
                    + " that its coordinator committed: " + failed);
        }
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

    /** Waits (at most {@link #COMPLETION_WAIT}) for prepare-commit and prepare-abort to complete. */
    private static void awaitDecidedCompleted(Admin admin) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
        while (System.nanoTime() < deadline && transactions(admin, UNFINISHED).stream()
                .anyMatch(t -> t.state() != TransactionState.ONGOING)) {
            Thread.sleep(100);
        }
    }

    /**
     * The transactions open on partitions that no coordinator has unfinished, once that set has not
     * changed for {@link #HANGING_QUIET}: a coordinator that is still completing a transaction after
     * the restart (its markers waiting for the broker's listener, seen after kill -9) is not always
     * listed as doing so, and its markers land within a second or two; only what stays open is hanging.
     * Nothing is waited for when nothing is open.
     */
    private static List<Open> awaitHangingSettled(Admin admin) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
        List<Open> open = openWithoutCoordinator(admin);
        long unchangedSince = System.nanoTime();
        while (!open.isEmpty() && System.nanoTime() - unchangedSince < HANGING_QUIET.toNanos()
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
            List<Open> now = openWithoutCoordinator(admin);
            if (!now.equals(open)) {
                unchangedSince = System.nanoTime();
            }
            open = now;
        }
        return open;
    }

    private record ProducerEpoch(long producerId, int epoch) {
    }

    /** One transaction open on one partition: its producer and where it began. */
    private record Open(TopicPartition partition, ProducerState producer) {

        private static final Comparator<Open> ORDER = Comparator.comparing((Open o) -> o.partition().topic())
                .thenComparingInt(o -> o.partition().partition())
                .thenComparingLong(o -> o.producer().producerId());

        @Override
        public boolean equals(Object other) {
            return other instanceof Open o && partition.equals(o.partition) && producer.producerId() == o.producer.producerId()
                    && producer.producerEpoch() == o.producer.producerEpoch()
                    && producer.currentTransactionStartOffset().equals(o.producer.currentTransactionStartOffset());
        }

        @Override
        public int hashCode() {
            return Objects.hash(partition, producer.producerId(), producer.producerEpoch());
        }

        @Override
        public String toString() {
            return partition + " (producer " + producer.producerId() + ", from offset "
                    + producer.currentTransactionStartOffset().getAsLong() + ")";
        }
    }

    private static List<Open> openWithoutCoordinator(Admin admin) throws ExecutionException, InterruptedException {
        Set<Long> unfinished = transactions(admin, UNFINISHED).stream()
                .map(TransactionListing::producerId)
                .collect(Collectors.toSet());
        List<Open> open = new ArrayList<>();
        for (var entry : admin.describeProducers(allPartitions(admin)).all().get().entrySet()) {
            for (ProducerState producer : entry.getValue().activeProducers()) {
                if (producer.currentTransactionStartOffset().isPresent() && !unfinished.contains(producer.producerId())) {
                    open.add(new Open(entry.getKey(), producer));
                }
            }
        }
        open.sort(Open.ORDER);
        return open;
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
