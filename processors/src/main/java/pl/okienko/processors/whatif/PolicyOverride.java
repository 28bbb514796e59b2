package pl.okienko.processors.whatif;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.schemas.Rule;

/**
 * The thresholds a what-if replay changes (issue 15): each key is a field of the directory's {@link Policy}, and the
 * override wins over every scope of the office (line, queue, department, office, built-in default), so "answer
 * target 20 s" means 20 s on every line of the office during the replay. Only the keys of {@link Key} may be
 * changed, each within its range.
 */
public record PolicyOverride(Map<Key, Integer> values) {

    /** A threshold a what-if may change: its {@link Policy} field, its rule and the values it may take. */
    public enum Key {
        PHONE_ANSWER_SECONDS("phoneAnswerSeconds", Rule.T1, 1, 600),
        PHONE_RING_LIMIT("phoneRingLimit", Rule.T1, 1, 20),
        CALLBACK_DELAY_MINUTES("callbackDelayMinutes", Rule.T3, 1, 7 * 24 * 60),
        PRIORITY_TARGET_WAIT_MINUTES("priorityTargetWaitMinutes", Rule.P1, 1, 8 * 60);

        private final String field;
        private final Rule rule;
        private final int min;
        private final int max;

        Key(String field, Rule rule, int min, int max) {
            this.field = field;
            this.rule = rule;
            this.min = min;
            this.max = max;
        }

        /** The name of the {@link Policy} field, which is also the key of the API and of the replay's settings. */
        public String field() {
            return field;
        }

        public Rule rule() {
            return rule;
        }

        public static Optional<Key> of(String field) {
            return Arrays.stream(values()).filter(k -> k.field.equals(field)).findFirst();
        }
    }

    public PolicyOverride {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The override of {@code fields} (Policy field name → value).
     *
     * @throws IllegalArgumentException naming the key when a key is unknown or a value out of its range, or when
     *     nothing is overridden
     */
    public static PolicyOverride parse(Map<String, Integer> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("no policy override: name at least one of " + known());
        }
        Map<Key, Integer> values = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            Key key = Key.of(field).orElseThrow(() -> new IllegalArgumentException(
                    "unknown policy key '" + field + "': a what-if may change " + known()));
            if (value == null || value < key.min || value > key.max) {
                throw new IllegalArgumentException("policy key '" + field + "' (" + key.rule + ") must be between "
                        + key.min + " and " + key.max + ", was " + value);
            }
            values.put(key, value);
        });
        return new PolicyOverride(values);
    }

    private static String known() {
        return Arrays.stream(Key.values()).map(k -> k.field + " (" + k.rule + ")").collect(Collectors.joining(", "));
    }

    /** The override as Policy field name → value, in the keys' order. */
    public Map<String, Integer> fields() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        values.forEach((key, value) -> fields.put(key.field(), value));
        return fields;
    }

    /**
     * {@code policy} with the overridden fields set; a new policy of {@code officeId} setting only them when
     * {@code policy} is null (a scope with no policy of its own), so the override is found at the narrowest scope
     * looked up and wins over every wider one.
     */
    public Policy applyTo(Policy policy, String officeId) {
        Policy changed = policy == null
                ? Policy.newBuilder().setOfficeId(officeId).setScope(PolicyScope.OFFICE).build()
                : Policy.newBuilder(policy).build();
        values.forEach((key, value) -> changed.put(key.field(), value));
        return changed;
    }
}
