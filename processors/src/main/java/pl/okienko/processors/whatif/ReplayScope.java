package pl.okienko.processors.whatif;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a what-if replay (issue 15) recomputes: one office's events that occurred within [from, to), under a
 * {@link PolicyOverride}. It travels in the replay application's Kafka Streams settings ({@link #settings()}), so the
 * live topologies' code and descriptions stay as they are: each processor reads it from
 * {@code ProcessorContext#appConfigs()} ({@link #of(Map)}), and a live application, which has no such settings, has
 * no scope. Within a scope the decoder passes only the scope's records on, the policies read carry the override,
 * and no alert or dead letter is written: the live application already wrote them, and a replay must not page anyone.
 */
public record ReplayScope(String officeId, Instant from, Instant to, PolicyOverride override) {

    static final String PREFIX = "okienko.whatif.";
    static final String OFFICE = PREFIX + "office";
    static final String FROM = PREFIX + "from";
    static final String TO = PREFIX + "to";
    static final String POLICY = PREFIX + "policy.";

    public ReplayScope {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
    }

    /** The settings that carry this scope, to add to the replay application's Kafka Streams properties. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(OFFICE, officeId);
        settings.put(FROM, String.valueOf(from.toEpochMilli()));
        settings.put(TO, String.valueOf(to.toEpochMilli()));
        override.fields().forEach((field, value) -> settings.put(POLICY + field, String.valueOf(value)));
        return settings;
    }

    /** The scope carried by an application's settings; empty for a live application. */
    public static Optional<ReplayScope> of(Map<String, Object> appConfigs) {
        Object office = appConfigs.get(OFFICE);
        if (office == null) {
            return Optional.empty();
        }
        Map<String, Integer> fields = new HashMap<>();
        appConfigs.forEach((name, value) -> {
            if (name.startsWith(POLICY)) {
                fields.put(name.substring(POLICY.length()), Integer.valueOf(value.toString()));
            }
        });
        return Optional.of(new ReplayScope(office.toString(), instant(appConfigs.get(FROM)), instant(appConfigs.get(TO)),
                PolicyOverride.parse(fields)));
    }

    private static Instant instant(Object epochMillis) {
        return Instant.ofEpochMilli(Long.parseLong(epochMillis.toString()));
    }

    /** True for a record of the scope's office whose event time (the record's timestamp, occurredAt) is within it. */
    public boolean covers(String officeId, long eventTime) {
        return this.officeId.equals(officeId) && eventTime >= from.toEpochMilli() && eventTime < to.toEpochMilli();
    }

    /** True for a policies-topic key of the scope's office ({@code officeId} or {@code officeId/…}). */
    public boolean ownsPolicyKey(String key) {
        return key != null && (key.equals(officeId) || key.startsWith(officeId + "/"));
    }
}
