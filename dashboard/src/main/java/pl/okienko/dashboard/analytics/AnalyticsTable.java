package pl.okienko.dashboard.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.platform.web.Display;

/**
 * A {@link Comparison} as the analysts' page shows it (issue 15): per column one rule's figure (Q1, Q2, P1, T1, T2,
 * E1, C1, I1, S1) with its target; per office, and the total, a cell per column with the text shown and the number
 * the table sorts by (null where the figure does not exist).
 */
record AnalyticsTable(List<Column> columns, List<Line> offices, Line total) {

    /** How a column's figure reads: a count, a duration, a rate or the S1 index. */
    enum Kind {
        COUNT, SECONDS, RATE, INDEX
    }

    /**
     * @param key the {@link ComparisonRow} field, also naming its header's message ({@code analytics.column.<key>})
     * @param target the built-in target, or {@link Display#NONE}
     */
    record Column(String key, Kind kind, String target) {
    }

    /** @param value the figure as the table sorts it, null where it does not exist */
    record Cell(String text, Double value) {
    }

    record Line(String officeId, String name, List<Cell> cells) {
    }

    private record Figure(String key, Kind kind, Function<ComparisonRow, Number> value) {
    }

    private static final Display DISPLAY = new Display();
    private static final JsonMapper JSON = JsonMapper.shared();

    private static final List<Figure> FIGURES = List.of(
            new Figure("q1Waits", Kind.COUNT, ComparisonRow::q1Waits),
            new Figure("q1WaitMeanSeconds", Kind.SECONDS, ComparisonRow::q1WaitMeanSeconds),
            new Figure("q1WaitP90Seconds", Kind.SECONDS, ComparisonRow::q1WaitP90Seconds),
            new Figure("q2Alerts", Kind.COUNT, ComparisonRow::q2Alerts),
            new Figure("p1Eligible", Kind.COUNT, ComparisonRow::p1Eligible),
            new Figure("p1FulfilmentRate", Kind.RATE, ComparisonRow::p1FulfilmentRate),
            new Figure("t1Offered", Kind.COUNT, ComparisonRow::t1Offered),
            new Figure("t1WithinTargetRate", Kind.RATE, ComparisonRow::t1WithinTargetRate),
            new Figure("t2AbandonedRate", Kind.RATE, ComparisonRow::t2AbandonedRate),
            new Figure("e1Decided", Kind.COUNT, ComparisonRow::e1Decided),
            new Figure("e1WithinTargetRate", Kind.RATE, ComparisonRow::e1WithinTargetRate),
            new Figure("c1Overdue", Kind.COUNT, ComparisonRow::c1Overdue),
            new Figure("i1Incidents", Kind.COUNT, ComparisonRow::i1Incidents),
            new Figure("s1Responses", Kind.COUNT, ComparisonRow::s1Responses),
            new Figure("s1Index", Kind.INDEX, ComparisonRow::s1Index));

    /** The figures the trend chart can draw, the first drawn unless another is picked. */
    static final List<Column> TREND_RULES = columns(List.of("q1WaitMeanSeconds", "q1WaitP90Seconds", "q1Waits",
            "p1FulfilmentRate", "t1WithinTargetRate", "t2AbandonedRate", "e1WithinTargetRate", "s1Index"), Map.of());

    static AnalyticsTable of(Comparison comparison) {
        return new AnalyticsTable(columns(FIGURES.stream().map(Figure::key).toList(), comparison.targets()),
                comparison.offices().stream().map(o -> line(o.period())).toList(), line(comparison.total().period()));
    }

    /**
     * The trend chart's data, as JSON for a data attribute: the buckets' labels and, per office, each
     * {@link #TREND_RULES} figure per bucket (null where it does not exist).
     */
    static String trendJson(Comparison comparison) {
        List<String> periods = comparison.total().rows().stream().map(ComparisonRow::period).toList();
        List<Map<String, Object>> offices = comparison.offices().stream().map(office -> {
            Map<String, List<Number>> figures = new LinkedHashMap<>();
            for (Column rule : TREND_RULES) {
                Function<ComparisonRow, Number> value = figure(rule.key()).value();
                figures.put(rule.key(), office.rows().stream().map(value).toList());
            }
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("officeId", office.officeId());
            series.put("name", office.officeName());
            series.put("figures", figures);
            return series;
        }).toList();
        return JSON.writeValueAsString(Map.of("periods", periods, "offices", offices));
    }

    private static List<Column> columns(List<String> keys, Map<String, String> targets) {
        return keys.stream().map(key -> new Column(key, figure(key).kind(), targets.getOrDefault(key, Display.NONE)))
                .toList();
    }

    private static Figure figure(String key) {
        return FIGURES.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + key));
    }

    private static Line line(ComparisonRow row) {
        return new Line(row.officeId(), row.officeName(),
                FIGURES.stream().map(f -> cell(f.kind(), f.value().apply(row))).toList());
    }

    private static Cell cell(Kind kind, Number value) {
        Double number = value == null ? null : value.doubleValue();
        String text = switch (kind) {
            case COUNT -> value == null ? Display.NONE : Long.toString(value.longValue());
            case SECONDS -> DISPLAY.duration(number);
            case RATE -> DISPLAY.percent(number);
            case INDEX -> number == null ? Display.NONE : String.format(Locale.ROOT, "%.1f", number);
        };
        return new Cell(text, number);
    }
}
