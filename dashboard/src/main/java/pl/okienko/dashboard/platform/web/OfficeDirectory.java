package pl.okienko.dashboard.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import pl.okienko.directory.Office;

/**
 * The offices of the directory, as every concern reads them (the office list, the switcher, the
 * security console, the exports; Q1–C1 all name their office). The directory concern provides it, so
 * no concern asks another concern's views for the directory.
 */
public interface OfficeDirectory {

    /**
     * Every office of the directory, in the store's order.
     *
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the directory's store cannot be read yet
     */
    List<Office> offices();

    /**
     * The directory's entry of {@code officeId}, if it holds one.
     *
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the directory's store cannot be read yet
     */
    default Optional<Office> office(String officeId) {
        return offices().stream().filter(office -> office.getOfficeId().equals(officeId)).findFirst();
    }

    /**
     * Every office of the directory by its id, e.g. to name and place (time zone) what a page lists by office id.
     *
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the directory's store cannot be read yet
     */
    default Map<String, Office> byId() {
        return offices().stream().collect(Collectors.toMap(Office::getOfficeId, office -> office, (first, second) -> second));
    }
}
