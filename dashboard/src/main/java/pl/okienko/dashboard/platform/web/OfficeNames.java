package pl.okienko.dashboard.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import pl.okienko.directory.Office;

/**
 * The directory's names of one office's departments, queues, desks, phone lines and mailboxes, so that
 * the pages say "Dowody osobiste" and "Sekretariat" where an event says A and M-SEKRETARIAT (Q2, P1,
 * T3/T4, E1, C1, I1 alert texts). An id the directory does not name is shown as it is.
 */
public record OfficeNames(Map<String, String> departments, Map<String, String> queues, Map<String, String> desks,
        Map<String, String> lines, Map<String, String> mailboxes) {

    /** No names known: every id shows as itself. */
    public static final OfficeNames NONE = new OfficeNames(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** The names of {@code office}'s units; an unnamed desk keeps its id. */
    public static OfficeNames of(Office office) {
        return new OfficeNames(names(office.getDepartments(), d -> d.getDepartmentId(), d -> d.getName()),
                names(office.getQueues(), q -> q.getQueueId(), q -> q.getName()),
                names(office.getDesks(), d -> d.getDeskId(), d -> d.getName()),
                names(office.getPhoneLines(), l -> l.getLineId(), l -> l.getName()),
                names(office.getMailboxes(), m -> m.getMailboxId(), m -> m.getName()));
    }

    /** These names, with {@code more} queue names (e.g. a live view's) where the directory has none. */
    public OfficeNames withQueues(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(more);
        merged.putAll(queues);
        return new OfficeNames(departments, Map.copyOf(merged), desks, lines, mailboxes);
    }

    public Name department(String id) {
        return Name.of(id, departments);
    }

    public Name queue(String id) {
        return Name.of(id, queues);
    }

    public Name desk(String id) {
        return Name.of(id, desks);
    }

    public Name line(String id) {
        return Name.of(id, lines);
    }

    public Name mailbox(String id) {
        return Name.of(id, mailboxes);
    }

    private static <T> Map<String, String> names(List<T> units, Function<T, String> id, Function<T, String> name) {
        Map<String, String> names = new HashMap<>();
        if (units != null) {
            for (T unit : units) {
                String text = name.apply(unit);
                if (id.apply(unit) != null && text != null && !text.isBlank()) {
                    names.put(id.apply(unit), text);
                }
            }
        }
        return Map.copyOf(names);
    }

    /**
     * A unit as the page shows it: its {@code text} (the directory's name), with its {@code id} on hover
     * when the two differ.
     *
     * @param id the unit's id; null where the text already shows it or there is none (a place in the hall)
     */
    public record Name(String text, String id) {

        static Name of(String id, Map<String, String> names) {
            return id == null ? null : new Name(names.getOrDefault(id, id), id);
        }

        /** The id to show on hover, or null when the name is the id itself. */
        public String hover() {
            return id == null || text.equals(id) ? null : id;
        }
    }
}
