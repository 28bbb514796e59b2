package pl.okienko.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaCrashRecoveryTest {

    @Test
    @Timeout(90)
    void shouldRecoverRecordsAfterTheJvmWasKilled(@TempDir Path directory) throws Exception {
        Process child = startCrashingBroker(directory);
        try {
            assertThat(awaitReady(child)).as("child broker produced its records").isTrue();
        } finally {
            // SIGKILL: no shutdown hook, no clean shutdown marker, the next start must recover the logs.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults()
                .withDataDirectory(directory)
                .withBrokerPort(0))) {
            List<ConsumerRecord<String, String>> read = KafkaTestSupport.readAll(kafka.bootstrapServers(),
                    CrashingBroker.TOPIC, CrashingBroker.RECORDS, new StringDeserializer(), new StringDeserializer());

            assertThat(read).extracting(ConsumerRecord::value)
                    .containsExactlyElementsOf(IntStream.range(0, CrashingBroker.RECORDS).mapToObj(i -> "record-" + i).toList());
        }
    }

    private static Process startCrashingBroker(Path directory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CrashingBroker.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the child's output until it says it is ready, or until it ends. */
    private static boolean awaitReady(Process child) throws Exception {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                System.out.println("[child] " + line);
                if (line.equals(CrashingBroker.READY)) {
                    return true;
                }
            }
            return false;
        }
    }
}
