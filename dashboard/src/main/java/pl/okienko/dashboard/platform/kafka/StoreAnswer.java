package pl.okienko.dashboard.platform.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;

/**
 * What a {@link StoreQuery} found, with which copy of each partition answered it: the envelope that says
 * whether a view was read from the active copy or from a standby (stale by its lag).
 *
 * @param entries the keys and values found, in key order
 * @param copies one per partition read
 * @param <V> the store's value type
 */
public record StoreAnswer<V>(List<KeyValue<String, V>> entries, List<Copy> copies) {

    /**
     * One partition's copy that answered.
     *
     * @param partition the store partition
     * @param instance the {@code host:port} of the instance that holds it ({@code application.server}), or
     *     {@code local} when instances are not configured
     * @param active false for a standby copy
     * @param lag how many changelog records a standby copy was behind when it answered; 0 for the active copy
     */
    public record Copy(int partition, String instance, boolean active, long lag) {
    }

    static <V> StoreAnswer<V> merge(List<StoreAnswer<V>> answers) {
        List<KeyValue<String, V>> entries = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        for (StoreAnswer<V> answer : answers) {
            entries.addAll(answer.entries());
            copies.addAll(answer.copies());
        }
        entries.sort((a, b) -> a.key.compareTo(b.key));
        return new StoreAnswer<>(List.copyOf(entries), List.copyOf(copies));
    }
}
