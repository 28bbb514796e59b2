package pl.okienko.dashboard.incidents;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.security.Roles;

/**
 * The security console's steps as an API (I1), for the console's buttons and for radios alike:
 * {@code POST /api/v1/offices/{officeId}/incidents/{incidentId}/police} (the police were called) and
 * {@code POST .../resolve} with {@code outcome} (an IncidentOutcome) and an optional {@code note}, as
 * form or query parameters. 202 when written; the office's scope is checked by the filter chain, the role
 * (SECURITY or ADMIN, as for acknowledging) here; every 4xx is a problem naming what is wrong.
 */
@RestController
public record IncidentActionsController(IncidentActions actions) {

    @PostMapping("/api/v1/offices/{officeId}/incidents/{incidentId}/police")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public IncidentActions.Accepted police(@PathVariable String officeId, @PathVariable String incidentId,
            Authentication authentication) {
        mayAct(authentication);
        return actions.policeNotified(officeId, incidentId, authentication.getName());
    }

    @PostMapping("/api/v1/offices/{officeId}/incidents/{incidentId}/resolve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public IncidentActions.Accepted resolve(@PathVariable String officeId, @PathVariable String incidentId,
            @RequestParam String outcome, @RequestParam(required = false) String note, Authentication authentication) {
        mayAct(authentication);
        return actions.resolve(officeId, incidentId, outcome, note, authentication.getName());
    }

    private static void mayAct(Authentication authentication) {
        if (!Roles.mayAcknowledgeIncidents(authentication)) {
            throw new AccessDeniedException("incidents are handled by security staff (role SECURITY)");
        }
    }
}
