package pl.okienko.dashboard.platform.security;

import java.util.Set;

/**
 * The building system behind an API key: its source name and the offices it may send
 * events for. {@code *} as source or office means any.
 */
public record ApiKeyPrincipal(String source, Set<String> offices) {

    public static final String ANY = "*";

    public ApiKeyPrincipal {
        offices = Set.copyOf(offices);
    }

    public boolean mayWriteFor(String officeId) {
        return offices.contains(ANY) || offices.contains(officeId);
    }

    public boolean maySendAs(String eventSource) {
        return ANY.equals(source) || source.equals(eventSource);
    }

    @Override
    public String toString() {
        return source;
    }
}
