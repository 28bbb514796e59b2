package pl.okienko.dashboard.charts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.processors.queues.QueueHourView;
import pl.okienko.processors.queues.QueueViews;

/**
 * The day charts' series (Q1, P1, T1, T2): {@code GET /api/v1/offices/{officeId}/charts} for the office's today so
 * far, or {@code ?date=YYYY-MM-DD} for any office-local day; drawn by {@code js/charts.js} on the office page and the
 * day report. Same office scope as the queue views.
 */
@RestController
public record DayChartsController(QueueViews queues, PhoneViews phone, OfficeDirectory directory) {

    @GetMapping("/api/v1/offices/{officeId}/charts")
    public DayCharts charts(@PathVariable String officeId, @RequestParam(required = false) @Day LocalDate date) {
        Instant now = Instant.now();
        Optional<Office> office = directory.office(officeId);
        LocalDate day = date != null ? date : LocalDate.ofInstant(now, zone(officeId, office));
        List<QueueHourView> queueHours = queues.hours(officeId, day, now);
        List<PhoneStats> phoneHours = phone.day(officeId, day, now).map(OfficePhoneView::hours).orElse(List.of());
        if (office.isEmpty() && queueHours.isEmpty() && phoneHours.isEmpty()) {
            throw new UnknownOfficeException(officeId);
        }
        return DayCharts.of(officeId, day, queueHours, phoneHours);
    }

    private static ZoneId zone(String officeId, Optional<Office> office) {
        return OfficeInfo.of(officeId, office.orElse(null)).zone();
    }
}
