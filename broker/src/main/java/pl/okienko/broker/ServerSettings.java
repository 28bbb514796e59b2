package pl.okienko.broker;

import java.util.Properties;

/**
 * The KRaft server settings every broker Okienko runs shares, whether the one embedded broker of the laptop
 * default and the demo or a node of a test cluster: the one listener layout, internal topics sized to the
 * cluster, and the topic and timestamp policy the catalogue and the events need.
 */
public final class ServerSettings {

    /** The listener the controller quorum speaks on; clients use PLAINTEXT. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    private ServerSettings() {
    }

    /**
     * A combined broker and controller node.
     *
     * @param nodes how many nodes the cluster has: every internal topic is replicated to all of them
     * @param minInSync the replicas a write to an internal topic (and any topic by default) must reach
     * @param internalPartitions partitions of the offsets, transaction and share-state topics
     * @param sessionTimeoutMs how long the controller waits for a silent node's heartbeat before it fences it
     */
    public static Properties node(int nodeId, String host, int brokerPort, int controllerPort, String logDirs, int nodes,
            int minInSync, int internalPartitions, int sessionTimeoutMs) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("log.dirs", logDirs);

        String replicas = String.valueOf(nodes);
        String minIsr = String.valueOf(minInSync);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minIsr);
        // Fewer internal partitions than the defaults (50): a small cluster gains nothing from more, and creating
        // them is slower on two cores.
        String partitions = String.valueOf(internalPartitions);
        p.put("offsets.topic.num.partitions", partitions);
        p.put("transaction.state.log.num.partitions", partitions);
        p.put("share.coordinator.state.topic.num.partitions", partitions);

        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("broker.session.timeout.ms", String.valueOf(sessionTimeoutMs));
        p.put("group.initial.rebalance.delay.ms", "0");
        // A transaction whose producer died without a successor (same transactional.id) is aborted by its
        // coordinator once the producer's timeout passes; checking every second instead of every 10 s lets
        // read_committed readers behind it go on sooner.
        p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        // Topics come from the catalogue only; a typo in a topic name must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        // Events are stamped at their occurrence, which may lie a day back or ahead (the contract's window), and so
        // are the alerts derived from them: the defaults (an hour ahead) refused such a record and stopped the
        // topology that wrote it. The catalogue's topics carry their own window as well (Topics).
        p.put("log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE));
        p.put("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        return p;
    }
}
