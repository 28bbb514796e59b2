package pl.okienko.dashboard.incidents;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.events.incident.IncidentOutcome;

/**
 * The security console (I1, role SECURITY): {@code GET /security} shows the open incident alerts of
 * the guard's offices ("all clear" when none) and today's incident log, kept current by
 * {@code GET /security/live} (SSE); its police and resolve steps go to {@link IncidentActionsController}. The office page's incident
 * panel for supervisors streams from {@code GET /offices/{officeId}/incidents/live}.
 */
@Controller
public record IncidentPagesController(IncidentUpdates updates, OfficeAccess access) {

    @GetMapping("/security")
    public String console(Model model) {
        model.addAttribute("outcomes", IncidentOutcome.values());
        return "incidents/console";
    }

    @GetMapping(value = "/security/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter consoleLive(Authentication authentication, Locale locale) {
        return updates.subscribeConsole(access.visibleOffices(authentication), locale);
    }

    @GetMapping(value = "/offices/{officeId}/incidents/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter officeLive(@PathVariable String officeId, Locale locale) {
        return updates.subscribeOffice(officeId, locale);
    }
}
