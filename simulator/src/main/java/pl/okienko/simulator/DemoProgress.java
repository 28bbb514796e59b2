package pl.okienko.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where each office's demo day stood when {@link DemoTraffic} last published: the day's number, its
 * start and how many of its events went out. A day is regenerated from these alone (the simulation is
 * deterministic), so a restarted demo continues the day it left instead of leaving its clients waiting
 * forever. Kept as a small properties file, replaced atomically.
 */
final class DemoProgress {

    /** One office's place in its current day. */
    record Position(int day, Instant start, int published) {
    }

    private final Path file;

    DemoProgress(Path file) {
        this.file = file;
    }

    /** The positions saved last; none when the file is missing or unreadable (the demo then starts afresh). */
    Map<String, Position> load() {
        Map<String, Position> positions = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return positions;
        }
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(reader);
            for (String name : saved.stringPropertyNames()) {
                if (name.endsWith(".day")) {
                    String office = name.substring(0, name.length() - ".day".length());
                    positions.put(office, new Position(Integer.parseInt(saved.getProperty(name)),
                            Instant.ofEpochMilli(Long.parseLong(saved.getProperty(office + ".start"))),
                            Integer.parseInt(saved.getProperty(office + ".published"))));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>();
        }
        return positions;
    }

    void save(Map<String, Position> positions) {
        Properties saved = new Properties();
        positions.forEach((office, position) -> {
            saved.setProperty(office + ".day", Integer.toString(position.day()));
            saved.setProperty(office + ".start", Long.toString(position.start().toEpochMilli()));
            saved.setProperty(office + ".published", Integer.toString(position.published()));
        });
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                saved.store(writer, "okienko demo: each office's current day and the events already published");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
