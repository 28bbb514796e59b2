package pl.okienko.processors.incidents;

/**
 * The escalation ladder of rule I1: the clerk calls the supervisor, then security, then the police.
 * An unacknowledged INCIDENT alert climbs one rung each time it is raised again.
 */
public enum Rung {
    NONE, SUPERVISOR, SECURITY, POLICE;

    /** The next rung up; the police is the top and stays the top. */
    public Rung next() {
        return this == POLICE ? POLICE : values()[ordinal() + 1];
    }

    /** The higher of the two rungs. */
    public Rung atLeast(Rung other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** A rung name as stored; anything unknown reads as NONE. */
    public static Rung parse(String name) {
        for (Rung rung : values()) {
            if (rung.name().equals(name)) {
                return rung;
            }
        }
        return NONE;
    }
}
