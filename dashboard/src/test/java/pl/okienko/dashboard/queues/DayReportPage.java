package pl.okienko.dashboard.queues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import pl.okienko.dashboard.platform.web.DayReportSection;
import pl.okienko.dashboard.platform.web.Display;
import pl.okienko.dashboard.platform.web.TestTemplates;

/**
 * The day report as the page includes it ({@code queues/day-report :: report}), rendered from
 * sections' variables without Spring, and the cells of its rows read back for exact assertions.
 */
public final class DayReportPage {

    public static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    public static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");

    private static final SpringTemplateEngine ENGINE = TestTemplates.engine();
    private static final Pattern CELL = Pattern.compile("<t[hd]\\b[^>]*>(.*?)</t[hd]>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private DayReportPage() {
    }

    /** The report of the office with these sections, each adding its variables as the real ones do. */
    public static String render(Locale locale, DayReportSection... sections) {
        Map<String, Object> variables = new DayReport(List.of(sections)).variables("UM-JED", DAY, NOW);
        Context context = new Context(locale);
        context.setVariables(variables);
        context.setVariable("fmt", new Display());
        return ENGINE.process("queues/day-report", Set.of("report"), context);
    }

    /** A section that adds {@code name} = {@code value}. */
    public static DayReportSection section(String name, Object value) {
        return (officeId, date, now, variables) -> variables.put(name, value);
    }

    /** The text of every cell of the row {@code data-testid="testid"}, tags removed, spaces collapsed. */
    public static List<String> cells(String html, String testid) {
        int start = html.indexOf("data-testid=\"" + testid + "\"");
        if (start < 0) {
            throw new AssertionError("no row " + testid + " in " + html);
        }
        String row = html.substring(start, html.indexOf("</tr>", start));
        List<String> cells = new ArrayList<>();
        Matcher m = CELL.matcher(row);
        while (m.find()) {
            cells.add(TAG.matcher(m.group(1)).replaceAll("").replaceAll("\\s+", " ").strip());
        }
        return cells;
    }

    public static Locale polish() {
        return Locale.forLanguageTag("pl");
    }
}
