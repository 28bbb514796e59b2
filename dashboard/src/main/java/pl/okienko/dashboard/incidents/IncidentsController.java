package pl.okienko.dashboard.incidents;

import java.time.Instant;
import java.time.LocalDate;

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

import pl.okienko.dashboard.api.DayParameter;
import pl.okienko.dashboard.security.OfficeAccess;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.incidents.OfficeIncidentsView;

/**
 * The incident API (I1): {@code GET /api/v1/offices/{officeId}/incidents} (open incidents and
 * today's measures, or one day's with {@code ?date=}) and {@code POST /api/v1/alerts/{alertId}/ack}
 * for pagers and radios, with the same rules as the console's button: the first acknowledgement
 * stands (200), a later one answers 409 naming who was first.
 */
@RestController
public class IncidentsController {

    private final IncidentViews views;
    private final AlertAcknowledgements acknowledgements;
    private final OfficeAccess access;

    public IncidentsController(IncidentViews views, AlertAcknowledgements acknowledgements, OfficeAccess access) {
        this.views = views;
        this.acknowledgements = acknowledgements;
        this.access = access;
    }

    @GetMapping("/api/v1/offices/{officeId}/incidents")
    public OfficeIncidentsView incidents(@PathVariable String officeId, @RequestParam(required = false) String date,
            Authentication authentication) {
        access.check(authentication, officeId);
        LocalDate day = DayParameter.parse(date);
        return day == null ? views.live(officeId, Instant.now()) : views.day(officeId, day);
    }

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
