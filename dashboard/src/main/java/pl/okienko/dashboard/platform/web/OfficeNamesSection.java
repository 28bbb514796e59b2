package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Puts the office's {@link OfficeNames} under {@code names} into its live panel, so the alert list names
 * units by the directory (issue 14, names not ids), in the page and in every live update alike.
 */
@Component
public class OfficeNamesSection implements LivePanelSection {

    private final OfficeDirectory directory;

    public OfficeNamesSection(OfficeDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void addTo(String officeId, Instant now, Map<String, Object> variables) {
        directory.office(officeId).ifPresent(office -> variables.put("names", OfficeNames.of(office)));
    }
}
