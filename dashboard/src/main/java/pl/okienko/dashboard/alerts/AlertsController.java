package pl.okienko.dashboard.alerts;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.security.Roles;
import pl.okienko.dashboard.platform.web.VisibleOffices;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.AlertViews;

/**
 * {@code GET /api/v1/alerts?officeId=&state=active|all}: the latest state of each alert,
 * active ones by default, limited to the offices the caller may see; and
 * {@code POST /api/v1/alerts/{alertId}/ack} for pagers and radios, with the same rules as the
 * console's button: the first acknowledgement stands (200), a later one answers 409 naming who was first.
 */
@RestController
public record AlertsController(AlertViews alerts, AlertAcknowledgements acknowledgements, OfficeAccess access,
        VisibleOffices visibleOffices) {

    /**
     * One office's alerts ({@code officeId}, whose scope is checked here: it is not in the path) or those of every
     * office the caller may see.
     */
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
        return visibleOffices.only(authentication, alerts.alerts(null, activeOnly), AlertView::officeId);
    }

    /** The office of an alert is known only once it is found, so its scope is checked here. */
    @PostMapping("/api/v1/alerts/{alertId}/ack")
    public ResponseEntity<AlertAcknowledgements.Result> acknowledge(@PathVariable String alertId,
            Authentication authentication) {
        AlertAcknowledgements.Target target = acknowledgements.find(alertId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + alertId));
        access.check(authentication, target.officeId());
        if (target.incident() && !Roles.mayAcknowledgeIncidents(authentication)) {
            throw new AccessDeniedException("incident alerts are acknowledged by security staff (role SECURITY)");
        }
        AlertAcknowledgements.Result result = acknowledgements.acknowledge(target, authentication.getName());
        HttpStatus status = switch (result.outcome()) {
            case ACKNOWLEDGED -> HttpStatus.OK;
            case ALREADY_ACKNOWLEDGED, CLEARED -> HttpStatus.CONFLICT;
            case PENDING -> HttpStatus.ACCEPTED;
        };
        return ResponseEntity.status(status).body(result);
    }
}
