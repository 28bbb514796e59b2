package pl.okienko.processors.common;

import java.util.Locale;

/**
 * A state store of a topology, one constant of its concern's enum (e.g. {@code QueueStore.WAITING_LINES}). The
 * store's name is the concern's prefix and the constant's name in lower case with hyphens
 * ({@code queue-waiting-lines}); changelog topics and the pinned topology descriptions carry it, so a constant is
 * renamed only together with a migration of its store.
 */
public interface TopologyStore {

    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    /** The concern's prefix, e.g. {@code queue}. */
    String prefix();

    /** The name the topology registers the store under and the views query it by. */
    default String storeName() {
        return prefix() + "-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
