package pl.okienko.dashboard.platform.config;

import java.util.List;

import pl.okienko.directory.Office;

/**
 * Offices published into the directory at start-up besides those of the directory file: the demo's
 * sample offices. The first one is the office the generated demo supervisor looks after.
 */
public interface StartupOffices {

    List<Office> offices();
}
