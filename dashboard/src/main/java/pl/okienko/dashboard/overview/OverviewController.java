package pl.okienko.dashboard.overview;

import java.time.Instant;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.web.PageController;

/**
 * The region overview (issue 14), the home page: {@code GET /} shows every office the person may see
 * as a tile with a traffic light per concern, worst first, narrowed by {@code region} and
 * {@code department}; {@code ?kiosk} shows it as a wallboard that fits one screen.
 * {@code GET /overview/live} keeps it current (SSE).
 */
@PageController
public record OverviewController(RegionOverview overview, OverviewUpdates updates, OfficeAccess access) {

    @GetMapping("/")
    public String overview(@RequestParam(required = false) String region,
            @RequestParam(required = false) String department, @RequestParam(required = false) String kiosk,
            Authentication authentication, Model model) {
        OverviewFilter filter = new OverviewFilter(region, department);
        model.addAttribute("overview", overview.read(access.visibleOffices(authentication), filter, Instant.now()));
        model.addAttribute("kiosk", kiosk != null);
        return "overview/overview";
    }

    @GetMapping(value = "/overview/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live(@RequestParam(required = false) String region,
            @RequestParam(required = false) String department, @RequestParam(required = false) String kiosk,
            Authentication authentication, Locale locale) {
        return updates.subscribe(access.visibleOffices(authentication), new OverviewFilter(region, department),
                kiosk != null, locale);
    }
}
