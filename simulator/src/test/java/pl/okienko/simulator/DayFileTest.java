package pl.okienko.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class DayFileTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_written_day_reads_back_equal() throws IOException {
        List<SpecificRecord> day = Days.generate(FRIDAY, SampleOffices.all(), 42, 1.0);
        StringWriter text = new StringWriter();

        DayFile.write(day, text);

        assertThat(text.toString().lines()).hasSize(day.size());
        assertThat(DayFile.read(new StringReader(text.toString()))).isEqualTo(day);
    }

    @Test
    void each_line_is_one_flat_event_with_its_type() throws IOException {
        StringWriter text = new StringWriter();
        DayFile.write(Days.generate(FRIDAY, List.of(SampleOffices.byId("PUP-LDZ")), 1, 1.0), text);

        JsonNode first = new ObjectMapper().readTree(text.toString().lines().findFirst().orElseThrow());

        assertThat(first.get("type").asString()).isIn("desk_opened", "ticket_issued");
        assertThat(first.get("officeId").asString()).isEqualTo("PUP-LDZ");
        assertThat(first.get("occurredAt").asString()).endsWith("Z");
        assertThat(first.has("payload")).isFalse();
    }

    @Test
    void the_command_writes_the_chosen_offices_in_time_order(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("day.ndjson");

        int status = DayFile.run(new String[] {"--date", "2026-11-20", "--out", file.toString(), "--seed", "7",
                "--scale", "0.5", "--offices", "UM-JED,SP-GOS"}, print(out), print(err));

        assertThat(status).isZero();
        List<SpecificRecord> events = DayFile.read(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        assertThat(events).extracting(Days::officeId).containsOnly("UM-JED", "SP-GOS");
        assertThat(events).isEqualTo(Days.generate(FRIDAY, List.of(SampleOffices.byId("UM-JED"), SampleOffices.byId("SP-GOS")), 7, 0.5));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + events.size() + " events of 2 offices");
    }

    @Test
    void bad_arguments_are_refused_with_the_usage(@TempDir Path dir) {
        int status = DayFile.run(new String[] {"--date", "20.11.2026", "--out", dir.resolve("x").toString()}, print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: DayFile");
        assertThat(DayFile.run(new String[] {"--out", "x"}, print(out), print(err))).isEqualTo(2);
        assertThat(DayFile.run(new String[] {"--date", "2026-11-20", "--out", "x", "--offices", "NOPE"}, print(out), print(err))).isEqualTo(2);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
