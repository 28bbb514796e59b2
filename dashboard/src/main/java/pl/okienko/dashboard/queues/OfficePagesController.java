package pl.okienko.dashboard.queues;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.PageController;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.dashboard.platform.web.VisibleOffices;
import pl.okienko.processors.queues.OfficeDayView;
import pl.okienko.processors.queues.OfficeQueuesView;
import pl.okienko.processors.queues.QueueViews;

/**
 * The supervisor's pages: the offices they may see, one office's live queues (Q1, Q2)
 * and one day's report (every rule measured per day, {@link DayReport}). The live page's figures are
 * then kept current by {@link LiveOfficeController}.
 */
@PageController
public record OfficePagesController(QueueViews views, VisibleOffices visibleOffices, LivePanelRenderer panel,
        DayReport report) {

    /** How many past days the live page links to directly; older ones through the date field. */
    static final int RECENT_DAYS = 7;

    /** The office list; {@code ?officeId=} (the header's switcher) opens that office instead. */
    @GetMapping("/offices")
    public String offices(@RequestParam(required = false) String officeId, Authentication authentication, Model model) {
        if (officeId != null && !officeId.isBlank()) {
            return "redirect:" + officePath(officeId.strip());
        }
        model.addAttribute("offices", visibleOffices.of(authentication));
        return "queues/list";
    }

    @GetMapping("/offices/{officeId}")
    public String office(@PathVariable String officeId, Model model) {
        Instant now = Instant.now();
        OfficeQueuesView view = views.live(officeId, now).orElseThrow(() -> new UnknownOfficeException(officeId));
        model.addAllAttributes(panel.sectionVariables(officeId, now));
        model.addAllAttributes(LivePanelRenderer.panelVariables(view));
        model.addAttribute("officeId", officeId);
        model.addAttribute("recentDays", recentDays(view.today()));
        return "queues/live";
    }

    /** The day field of the live page: {@code ?date=YYYY-MM-DD} leads to that day's page. */
    @GetMapping("/offices/{officeId}/days")
    public String chooseDay(@PathVariable String officeId, @RequestParam @Day LocalDate date) {
        return "redirect:" + officePath(officeId) + "/days/" + date;
    }

    /** One office-local day's report: each concern's part (a {@link DayReportSection}) when it has data. */
    @GetMapping("/offices/{officeId}/days/{date}")
    public String day(@PathVariable String officeId, @PathVariable("date") @Day LocalDate day, Model model) {
        OfficeDayView view = views.day(officeId, day).orElseThrow(() -> new UnknownOfficeException(officeId));
        model.addAllAttributes(report.variables(officeId, day, Instant.now()));
        model.addAttribute("day", view);
        model.addAttribute("officeId", officeId);
        model.addAttribute("previousDay", day.minusDays(1));
        // No link into the future: the office's today is the last day with data.
        LocalDate today = LocalDate.now(zone(view.timeZone()));
        model.addAttribute("nextDay", day.isBefore(today) ? day.plusDays(1) : null);
        return "queues/day";
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of("Europe/Warsaw");
        }
    }

    static List<LocalDate> recentDays(LocalDate today) {
        return Stream.iterate(today, d -> d.minusDays(1)).limit(RECENT_DAYS).toList();
    }

    static String officePath(String officeId) {
        return "/offices/" + UriUtils.encodePathSegment(officeId, StandardCharsets.UTF_8);
    }
}
