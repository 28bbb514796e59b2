package pl.okienko.dashboard.directory;

import java.util.Locale;
import java.util.Map;

import pl.okienko.directory.PolicyScope;

/**
 * A key of the policies topic (rule thresholds): {@code officeId} for a whole office,
 * {@code officeId/department/ID}, {@code officeId/queue/ID}, {@code officeId/line/ID} or
 * {@code officeId/mailbox/ID} for a narrower scope.
 */
public record PolicyKey(String officeId, PolicyScope scope, String scopeId) {

    private static final Map<String, PolicyScope> SCOPES = Map.of(
            "department", PolicyScope.DEPARTMENT,
            "queue", PolicyScope.QUEUE,
            "line", PolicyScope.LINE,
            "mailbox", PolicyScope.MAILBOX);

    /**
     * @throws IllegalArgumentException saying what a key must look like
     */
    public static PolicyKey parse(String key) {
        String text = key == null ? "" : key.strip();
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        String[] parts = text.split("/", -1);
        if (parts.length == 1 && !parts[0].isBlank()) {
            return new PolicyKey(parts[0], PolicyScope.OFFICE, null);
        }
        if (parts.length == 3 && !parts[0].isBlank() && !parts[2].isBlank()) {
            PolicyScope scope = SCOPES.get(parts[1].toLowerCase(Locale.ROOT));
            if (scope != null) {
                return new PolicyKey(parts[0], scope, parts[2]);
            }
        }
        throw new IllegalArgumentException("policy key '" + key + "' is not valid: expected officeId or "
                + "officeId/department|queue|line|mailbox/ID, e.g. UM-JED or UM-JED/queue/A");
    }

    /** The key as written on the topic. */
    public String value() {
        return scope == PolicyScope.OFFICE ? officeId : officeId + "/" + scope.name().toLowerCase(Locale.ROOT) + "/" + scopeId;
    }

    @Override
    public String toString() {
        return value();
    }
}
