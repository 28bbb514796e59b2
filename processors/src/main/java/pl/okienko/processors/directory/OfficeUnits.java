package pl.okienko.processors.directory;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An office's units of one kind that work for a department (its queues, phone lines or mailboxes), looked up by
 * id: what the views need to name a unit and to count it to its department. A unit the directory does not
 * list belongs to no department and is named by its id.
 *
 * @param <T> the directory's record of the unit
 */
public final class OfficeUnits<T> implements Iterable<T> {

    private final List<T> units;
    private final Function<T, String> id;
    private final Function<T, String> departmentId;
    private final Function<T, String> name;

    OfficeUnits(List<T> units, Function<T, String> id, Function<T, String> departmentId, Function<T, String> name) {
        this.units = units;
        this.id = id;
        this.departmentId = departmentId;
        this.name = name;
    }

    @Override
    public Iterator<T> iterator() {
        return units.iterator();
    }

    public Optional<T> get(String unitId) {
        return units.stream().filter(unit -> id.apply(unit).equals(unitId)).findFirst();
    }

    /** The department the unit works for; null for none or a unit the directory does not list. */
    public String departmentOf(String unitId) {
        return get(unitId).map(departmentId).orElse(null);
    }

    /** The unit's name; its id for a unit the directory does not list. */
    public String nameOf(String unitId) {
        return get(unitId).map(name).orElse(unitId);
    }
}
