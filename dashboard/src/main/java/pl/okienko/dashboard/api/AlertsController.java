package pl.okienko.dashboard.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.security.OfficeAccess;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.AlertViews;

/**
 * {@code GET /api/v1/alerts?officeId=&state=active|all}: the latest state of each alert,
 * active ones by default, limited to the offices the caller may see.
 */
@RestController
public class AlertsController {

    private final AlertViews alerts;
    private final OfficeAccess access;

    public AlertsController(AlertViews alerts, OfficeAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    @GetMapping("/api/v1/alerts")
    public List<AlertView> alerts(@RequestParam(required = false) String officeId,
            @RequestParam(defaultValue = "active") String state, Authentication authentication) {
        boolean activeOnly = switch (state.strip().toLowerCase(Locale.ROOT)) {
            case "active" -> true;
            case "all" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "state '" + state + "' is not known: expected active or all");
        };
        if (officeId != null && !officeId.isBlank()) {
            access.check(authentication, officeId);
            return alerts.alerts(officeId, activeOnly);
        }
        Optional<Set<String>> visible = access.visibleOffices(authentication);
        return alerts.alerts(null, activeOnly).stream()
                .filter(alert -> visible.map(ids -> ids.contains(alert.officeId())).orElse(true))
                .toList();
    }
}
