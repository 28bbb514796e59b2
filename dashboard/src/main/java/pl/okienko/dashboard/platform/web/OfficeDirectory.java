package pl.okienko.dashboard.platform.web;

import java.util.List;

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
}
