package pl.okienko.processors.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.processors.common.Keys;

/**
 * One office's entries of a per-day store over a {@link Period} (every rule's day stores, Q1…S1), read once, each
 * with the office-local day it counts in, so that the period view merges any part of the period (its total, each
 * row) without reading the store again.
 */
public final class DayEntries<V> {

    private record Entry<V>(LocalDate day, String key, V value) {
    }

    private final List<Entry<V>> entries = new ArrayList<>();

    private DayEntries() {
    }

    /** Entries keyed {@code officeId|yyyy-MM-dd|…}: one prefix scan per day of the period. */
    public static <V> DayEntries<V> byDayPrefix(ReadOnlyKeyValueStore<String, V> store, String officeId,
            Period period) {
        DayEntries<V> read = new DayEntries<>();
        for (LocalDate day : period.dates()) {
            Keys.scan(store, Keys.dayPrefix(officeId, day), (key, value) -> read.entries.add(new Entry<>(day, key, value)));
        }
        return read;
    }

    /** Entries keyed {@code officeId|…|yyyy-MM-dd}: one scan of the office's entries, kept for the period's days. */
    public static <V> DayEntries<V> byLastPart(ReadOnlyKeyValueStore<String, V> store, String officeId,
            Period period) {
        DayEntries<V> read = new DayEntries<>();
        Keys.scan(store, Keys.officePrefix(officeId), (key, value) -> {
            LocalDate day = LocalDate.parse(key.substring(key.lastIndexOf(Keys.SEPARATOR) + 1));
            if (period.contains(day)) {
                read.entries.add(new Entry<>(day, key, value));
            }
        });
        return read;
    }

    /** Hands each entry of a day of {@code part} to {@code each}, in key order within a day. */
    public void forEach(Period part, BiConsumer<String, V> each) {
        entries.stream().filter(e -> part.contains(e.day())).forEach(e -> each.accept(e.key(), e.value()));
    }
}
