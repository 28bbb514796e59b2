package pl.okienko.dashboard.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.correspondence.OfficeComplaintsView;
import pl.okienko.processors.correspondence.OfficeEmailView;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.processors.queues.OfficeDayView;
import pl.okienko.processors.queues.OfficePriorityView;
import pl.okienko.processors.queues.QueueViews;
import pl.okienko.processors.surveys.OfficeSurveysView;
import pl.okienko.processors.surveys.SurveyViews;

/**
 * {@code GET /api/v1/offices/{officeId}/days.csv?from=YYYY-MM-DD&to=YYYY-MM-DD}: for analysts, one row
 * per office-local day of the range ({@link OfficeDayRow}: every rule's office figure), as CSV that a
 * spreadsheet opens, written by Apache Commons CSV. The same figures as the views' {@code ?date=}, for up to
 * {@value #MAX_DAYS} days.
 */
@RestController
public record DaysExportController(OfficeDirectory directory, QueueViews queues, PhoneViews phone,
        CorrespondenceViews correspondence, IncidentViews incidents, SurveyViews surveys) {

    static final int MAX_DAYS = 366;
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(OfficeDayRow.HEADER.toArray(String[]::new)).get();

    @GetMapping("/api/v1/offices/{officeId}/days.csv")
    public ResponseEntity<String> days(@PathVariable String officeId, @RequestParam("from") @Day LocalDate first,
            @RequestParam("to") @Day LocalDate last) {
        if (last.isBefore(first)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to " + last + " is before from " + first);
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "at most " + MAX_DAYS + " days per export, asked for " + (ChronoUnit.DAYS.between(first, last) + 1));
        }
        boolean known = directory.office(officeId).isPresent();
        Instant now = Instant.now();
        List<OfficeDayRow> rows = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            LocalDate day = date;
            Optional<OfficePhoneView> calls = phone.day(officeId, day, now);
            OfficeDayRow row = new OfficeDayRow(day,
                    queues.day(officeId, day).map(OfficeDayView::office).orElse(null),
                    queues.priorityDay(officeId, day).map(OfficePriorityView::office).orElse(null),
                    calls.map(OfficePhoneView::office).orElse(null),
                    calls.map(OfficePhoneView::callbacks).orElse(null),
                    correspondence.emailDay(officeId, day, now).map(OfficeEmailView::office).orElse(null),
                    correspondence.complaintsDay(officeId, day, now).map(OfficeComplaintsView::office).orElse(null),
                    incidents.day(officeId, day).office(),
                    surveys.day(officeId, day).map(OfficeSurveysView::office).orElse(null));
            rows.add(row);
            known |= row.queues() != null || row.phone() != null || row.email() != null || row.complaints() != null
                    || row.incidents().incidents() > 0 || row.satisfaction() != null;
        }
        if (!known) {
            throw new UnknownOfficeException(officeId);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"okienko-" + officeId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + first + "-"
                                + last + ".csv\"")
                .body(csv(rows));
    }

    /** RFC 4180 text (CRLF line ends, quotes only where a cell needs them): the header, then one line per row. */
    static String csv(List<OfficeDayRow> rows) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (OfficeDayRow row : rows) {
                printer.printRecord(row.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return csv.toString();
    }
}
