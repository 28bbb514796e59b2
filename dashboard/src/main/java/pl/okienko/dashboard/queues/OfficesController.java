package pl.okienko.dashboard.queues;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.node.ArrayNode;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.web.DayParameter;
import pl.okienko.directory.Office;
import pl.okienko.processors.queues.QueueViews;
import pl.okienko.schemas.AvroJson;

/**
 * The office directory and the queue views (Q1, Q2): {@code GET /api/v1/offices} and
 * {@code GET /api/v1/offices/{officeId}/queues}, live or for a past day. A person sees only the
 * offices of their account; ADMIN sees all.
 */
@RestController
public class OfficesController {

    private final QueueViews views;
    private final OfficeAccess access;

    public OfficesController(QueueViews views, OfficeAccess access) {
        this.views = views;
        this.access = access;
    }

    /** The directory entries the caller may see, in the directory's JSON form. */
    @GetMapping(value = "/api/v1/offices", produces = "application/json")
    public String offices(Authentication authentication) {
        Optional<Set<String>> visible = access.visibleOffices(authentication);
        List<Office> offices = views.offices().stream()
                .filter(office -> visible.map(ids -> ids.contains(office.getOfficeId())).orElse(true))
                .toList();
        ArrayNode json = AvroJson.encodeList(offices);
        return json.toString();
    }

    /** The live queues (no date) or one day's statistics ({@code date=YYYY-MM-DD}, the office's local date). */
    @GetMapping("/api/v1/offices/{officeId}/queues")
    public Object queues(@PathVariable String officeId, @RequestParam(required = false) String date,
            Authentication authentication) {
        access.check(authentication, officeId);
        if (date == null || date.isBlank()) {
            return views.live(officeId, Instant.now()).orElseThrow(() -> unknownOffice(officeId));
        }
        return views.day(officeId, DayParameter.parse(date)).orElseThrow(() -> unknownOffice(officeId));
    }

    static ResponseStatusException unknownOffice(String officeId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no office " + officeId + ": it is not in the directory and has sent no events");
    }
}
