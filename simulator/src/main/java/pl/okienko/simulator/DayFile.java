package pl.okienko.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Office;
import pl.okienko.schemas.EventJson;

/**
 * A whole simulated day as an NDJSON file: one flat JSON event per line ({@link EventJson}, the
 * form {@code POST /api/v1/events} accepts), in time order. Tests and benchmarks of the queue and
 * priority rules (Q1–Q5, P1) replay these files.
 *
 * <pre>
 * java pl.okienko.simulator.DayFile --date 2026-11-20 --out day.ndjson [--seed 42] [--scale 1.0] [--offices UM-JED,SP-GOS,PUP-LDZ]
 * </pre>
 */
public final class DayFile {

    private static final String USAGE = "usage: DayFile --date YYYY-MM-DD --out FILE [--seed 42] [--scale 1.0] [--offices UM-JED,SP-GOS,PUP-LDZ]";

    private DayFile() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Writes the events, one JSON object per line; the writer is flushed, not closed. */
    public static void write(List<SpecificRecord> events, Writer out) throws IOException {
        for (SpecificRecord event : events) {
            out.write(EventJson.encodeToString(event));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * Reads events written by {@link #write}; blank lines are skipped.
     *
     * @throws pl.okienko.schemas.InvalidEventException if a line is not a valid event
     */
    public static List<SpecificRecord> read(Reader in) throws IOException {
        List<SpecificRecord> events = new ArrayList<>();
        BufferedReader lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                events.add(EventJson.decode(line));
            }
        }
        return events;
    }

    /** The command line without {@code System.exit}: 0 on success, 2 for bad arguments, 1 if the file cannot be written. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        LocalDate date = null;
        Path file = null;
        long seed = 42;
        double scale = 1.0;
        List<Office> offices = SampleOffices.all();
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--date" -> date = LocalDate.parse(value);
                    case "--out" -> file = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--scale" -> scale = Double.parseDouble(value);
                    case "--offices" -> offices = Arrays.stream(value.split(","))
                            .map(String::trim)
                            .filter(id -> !id.isEmpty())
                            .map(SampleOffices::byId)
                            .toList();
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (date == null || file == null) {
                throw new IllegalArgumentException("--date and --out are required");
            }
            if (!(scale > 0)) {
                throw new IllegalArgumentException("--scale must be positive");
            }
        } catch (IllegalArgumentException | DateTimeParseException | NoSuchElementException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }

        List<SpecificRecord> events = Days.generate(date, offices, seed, scale);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(events, writer);
        } catch (IOException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.printf("wrote %d events of %d offices for %s to %s%n", events.size(), offices.size(), date, file);
        return 0;
    }
}
