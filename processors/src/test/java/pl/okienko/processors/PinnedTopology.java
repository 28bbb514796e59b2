package pl.okienko.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.streams.Topology;

/**
 * Topology descriptions pinned in {@code src/test/resources/topology}: a renamed node, store or topic shows as a
 * failing diff, since state and changelogs are found by those names. After a deliberate change,
 * {@code -Dokienko.pin.update=true} rewrites the pinned text.
 */
public final class PinnedTopology {

    private PinnedTopology() {
    }

    /** @param name the pinned file's name without {@code .txt}, e.g. "queues" */
    public static void assertPinned(Topology topology, String name) throws IOException {
        String actual = topology.describe().toString();
        assertThat(actual).as("a repartition topic would be stamped by the broker, not with the event's time "
                + "(StreamsSettings): give it CreateTime first").doesNotContain("-repartition");
        Path pinned = Path.of("src/test/resources/topology", name + ".txt");
        if (Boolean.getBoolean("okienko.pin.update")) {
            Files.createDirectories(pinned.getParent());
            Files.writeString(pinned, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(pinned));
    }
}
