package pl.okienko.dashboard.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.web.Day;
import pl.okienko.dashboard.platform.web.DaysAsked;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.dashboard.platform.web.VisibleOffices;
import pl.okienko.directory.Office;

/**
 * Offices side by side (issue 15): {@code GET /api/v1/analytics/comparison?from=&to=[&offices=a,b][&granularity=]}
 * as JSON ({@link Comparison}) and {@code .../comparison.csv}, one file with one row per office (and the total) and
 * period, written by Apache Commons CSV. Without {@code offices}, every office the caller may see; naming one outside
 * the caller's offices is a 403, as everywhere.
 */
@RestController
public record ComparisonController(OfficeComparison comparison, VisibleOffices visible) {

    private static final RecordComponent[] COLUMNS = ComparisonRow.class.getRecordComponents();
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(Arrays.stream(COLUMNS).map(RecordComponent::getName).toArray(String[]::new)).get();

    @GetMapping(value = "/api/v1/analytics/comparison", produces = "application/json")
    public Comparison json(@RequestParam @Day LocalDate from, @RequestParam @Day LocalDate to,
            @RequestParam(required = false) List<String> offices, @RequestParam(required = false) String granularity,
            Authentication authentication) {
        DaysAsked asked = DaysAsked.of(null, from, to, granularity);
        return comparison.compare(offices(authentication, offices), asked.period(), asked.granularity(), Instant.now());
    }

    @GetMapping("/api/v1/analytics/comparison.csv")
    public ResponseEntity<String> csv(@RequestParam @Day LocalDate from, @RequestParam @Day LocalDate to,
            @RequestParam(required = false) List<String> offices, @RequestParam(required = false) String granularity,
            Authentication authentication) {
        Comparison compared = json(from, to, offices, granularity, authentication);
        return ResponseEntity.ok().contentType(DaysExportController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"okienko-comparison-" + from + "-" + to + ".csv\"")
                .body(csv(compared));
    }

    /**
     * Per department of the offices, Spearman's correlation of its weekly mean wait (Q1) and weekly satisfaction
     * index (S1) over the period, with the number of weeks; the coefficient only from eight weeks on.
     */
    @GetMapping(value = "/api/v1/analytics/wait-satisfaction", produces = "application/json")
    public List<WaitSatisfaction> waitSatisfaction(@RequestParam @Day LocalDate from, @RequestParam @Day LocalDate to,
            @RequestParam(required = false) List<String> offices, Authentication authentication) {
        DaysAsked asked = DaysAsked.of(null, from, to, null);
        return comparison.waitSatisfaction(offices(authentication, offices), asked.period());
    }

    /** The offices asked for, each checked against the caller's; every office the caller may see when none is named. */
    private List<Office> offices(Authentication authentication, List<String> asked) {
        List<String> ids = asked == null ? List.of() : asked.stream().map(String::strip).filter(id -> !id.isEmpty())
                .distinct().toList();
        if (ids.isEmpty()) {
            return visible.of(authentication);
        }
        List<Office> offices = new ArrayList<>();
        for (String id : ids) {
            visible.access().check(authentication, id);
            offices.add(visible.directory().office(id).orElseThrow(() -> new UnknownOfficeException(id)));
        }
        return offices;
    }

    /** RFC 4180 text: the header, then per office (and last the total) its whole period's row and its buckets'. */
    static String csv(Comparison comparison) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (Comparison.OfficeRows office : Stream.concat(comparison.offices().stream(),
                    Stream.of(comparison.total())).toList()) {
                printer.printRecord(cells(office.period()));
                for (ComparisonRow row : office.rows()) {
                    printer.printRecord(cells(row));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return csv.toString();
    }

    /** Rates with 4 decimals, seconds and the index with 1, an empty cell for a figure that does not exist. */
    private static List<String> cells(ComparisonRow row) {
        List<String> cells = new ArrayList<>();
        for (RecordComponent column : COLUMNS) {
            Object value;
            try {
                value = column.getAccessor().invoke(row);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + column.getName(), e);
            }
            cells.add(value == null ? "" : value instanceof Double d
                    ? String.format(Locale.ROOT, column.getName().endsWith("Rate") ? "%.4f" : "%.1f", d)
                    : value.toString());
        }
        return cells;
    }
}
