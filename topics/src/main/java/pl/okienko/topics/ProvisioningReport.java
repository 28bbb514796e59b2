package pl.okienko.topics;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link TopicProvisioner} did: the topics it created, and where existing topics differ from the
 * catalogue. Existing topics are never changed automatically (shrinking partitions is impossible, and
 * changing retention or compaction under running applications must be a person's decision), so the
 * mismatches are what an operator has to look at.
 *
 * @param created names of the topics created in this run, in catalogue order
 * @param mismatches differences between existing topics and the catalogue or settings
 */
public record ProvisioningReport(List<String> created, List<Mismatch> mismatches) {

    public ProvisioningReport {
        created = List.copyOf(created);
        mismatches = List.copyOf(mismatches);
    }

    /** True when every existing topic matches the catalogue. */
    public boolean consistent() {
        return mismatches.isEmpty();
    }

    /** The mismatches of one topic. */
    public List<Mismatch> mismatchesOf(String topic) {
        return mismatches.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    @Override
    public String toString() {
        String createdPart = created.isEmpty() ? "no topics created" : "created " + String.join(", ", created);
        if (mismatches.isEmpty()) {
            return createdPart + "; existing topics match the catalogue";
        }
        return createdPart + "; " + mismatches.size() + " mismatch(es): "
                + mismatches.stream().map(Mismatch::toString).collect(Collectors.joining("; "));
    }

    /**
     * One setting of an existing topic that differs from what the catalogue would create.
     *
     * @param topic the topic name
     * @param setting the setting: a topic config name, {@code partitions} or {@code replication.factor}
     * @param actual the value the topic has
     * @param expected the value the catalogue (or the provisioning settings) gives
     */
    public record Mismatch(String topic, String setting, String actual, String expected) {

        public Mismatch {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(setting, "setting");
        }

        /** For example {@code okienko.events.queue: cleanup.policy is compact, catalogue says delete}. */
        @Override
        public String toString() {
            return topic + ": " + setting + " is " + actual + ", catalogue says " + expected;
        }
    }
}
