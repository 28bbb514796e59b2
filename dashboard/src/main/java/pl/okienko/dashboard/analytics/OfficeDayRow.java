package pl.okienko.dashboard.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import pl.okienko.processors.correspondence.ComplaintFigures;
import pl.okienko.processors.correspondence.EmailFigures;
import pl.okienko.processors.incidents.IncidentDayStats;
import pl.okienko.processors.phone.CallbackSummary;
import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.queues.QueueDayStats;
import pl.okienko.processors.queues.ServiceDayView;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.processors.surveys.Satisfaction;

/**
 * One office day as a row of the analysts' CSV export: the whole office's figure of every rule
 * (Q1–Q5, P1, T1–T4, I2, E1, E2, C1, I1, S1), each column named by its rule ID. Durations in seconds,
 * rates as fractions (0.8333); an empty cell where a figure does not exist (no calls, no e-mail).
 */
record OfficeDayRow(LocalDate date, QueueDayStats queues, ServiceDayView service, PhoneStats phone,
        CallbackSummary callbacks, EmailFigures email, ComplaintFigures complaints, IncidentDayStats incidents,
        Satisfaction satisfaction) {

    /** The export's columns, in order: each named by its rule ID beside the figure it shows. */
    private static final List<Column> COLUMNS = Stream.of(
            Stream.of(new Column("date", row -> row.date().toString())),
            part(row -> row.queues() == null ? null : row.queues().waitTime(),
                    number("q1_waits", DurationStats::count),
                    seconds("q1_wait_mean_s", DurationStats::meanSeconds),
                    seconds("q1_wait_p50_s", DurationStats::p50Seconds),
                    seconds("q1_wait_p90_s", DurationStats::p90Seconds),
                    seconds("q1_wait_max_s", DurationStats::maxSeconds)),
            part(row -> row.queues() == null ? null : row.queues().serviceTime(),
                    number("q1_services", DurationStats::count),
                    seconds("q1_service_mean_s", DurationStats::meanSeconds),
                    seconds("q1_service_max_s", DurationStats::maxSeconds)),
            part(row -> row.service() == null ? null : row.service().priority(),
                    number("p1_priority_tickets", p -> p.byCategory().values().stream().mapToLong(Long::longValue).sum()),
                    number("p1_declined", ServiceDayView.Priority::declined),
                    rate("p1_fulfilment_rate", ServiceDayView.Priority::fulfilmentRate),
                    number("p1_tickets_bypassed", ServiceDayView.Priority::ticketsWithBypasses),
                    number("p1_bypasses", ServiceDayView.Priority::bypasses)),
            part(OfficeDayRow::service, rate("q3_out_of_order_rate", s -> s.callOrder().outOfOrderRate())),
            part(row -> row.service() == null ? null : row.service().outcomes(),
                    rate("q4_resolved_rate", ServiceDayView.Outcomes::resolvedRate),
                    rate("q4_redirected_rate", ServiceDayView.Outcomes::redirectedRate),
                    rate("q4_transfers_per_visit", ServiceDayView.Outcomes::transfersPerVisit)),
            part(OfficeDayRow::service,
                    number("q5_pauses", s -> s.pauses().pauses()),
                    rate("q5_pause_overrun_share", s -> s.pauses().overrunShare())),
            part(OfficeDayRow::phone,
                    number("t1_calls_offered", PhoneStats::offered),
                    rate("t1_service_level", PhoneStats::serviceLevel),
                    seconds("t1_asa_s", PhoneStats::averageSpeedOfAnswerSeconds),
                    number("t2_unanswered", PhoneStats::unanswered),
                    number("t2_abandoned", PhoneStats::abandoned),
                    number("i2_ended_for_abuse", PhoneStats::endedForAbuse)),
            part(OfficeDayRow::callbacks,
                    number("t3t4_callbacks_due", CallbackSummary::dueThatDay),
                    number("t3t4_kept_on_time", CallbackSummary::metOnTime),
                    number("t3t4_kept_late", CallbackSummary::metLate),
                    rate("t3t4_kept_on_time_rate", CallbackSummary::keptOnTimeRate)),
            part(OfficeDayRow::email,
                    number("e1_emails_received", EmailFigures::received),
                    rate("e1_within_target_rate", EmailFigures::withinTargetRate),
                    number("e1_answered_late", EmailFigures::answeredLate),
                    number("e2_read_receipts_requested", e -> e.readReceipts().requested()),
                    number("e2_read_receipts_within_target", e -> e.readReceipts().withinTarget())),
            part(OfficeDayRow::complaints,
                    number("c1_registered", ComplaintFigures::registered),
                    number("c1_answered_on_time", ComplaintFigures::answeredOnTime),
                    number("c1_answered_late", ComplaintFigures::answeredLate),
                    number("c1_extended", ComplaintFigures::extended)),
            part(OfficeDayRow::incidents,
                    number("i1_incidents", IncidentDayStats::incidents),
                    number("i1_panic_buttons", IncidentDayStats::panicButtons),
                    number("i1_police_escalations", IncidentDayStats::policeEscalations),
                    seconds("i1_acknowledge_mean_s", i -> i.timeToAcknowledge().meanSeconds()),
                    seconds("i1_resolve_mean_s", i -> i.timeToResolve().meanSeconds())),
            // S1 sets no target: the index is given with its answers, so a small sample shows as one
            part(OfficeDayRow::satisfaction,
                    number("s1_responses", Satisfaction::responses),
                    number("s1_answers", Satisfaction::answers),
                    new Cell<>("s1_mean_score", s -> format("%.2f", boxed(s.mean()))),
                    new Cell<>("s1_index", s -> format("%.1f", boxed(s.index())))))
            .flatMap(columns -> columns).toList();

    static final List<String> HEADER = COLUMNS.stream().map(Column::name).toList();

    /** The cells, in {@link #HEADER} order. */
    List<String> cells() {
        return COLUMNS.stream().map(column -> column.cell().apply(this)).toList();
    }

    /** A column of the export: its name and how its cell is read from a row. */
    private record Column(String name, Function<OfficeDayRow, String> cell) {
    }

    /** A cell of one part of the row (the phone figures, the e-mail figures…), read when the part exists. */
    private record Cell<T>(String name, Function<T, String> value) {
    }

    /** The columns of {@code cells}, empty where the row lacks the part (no calls, no e-mail that day). */
    @SafeVarargs
    private static <T> Stream<Column> part(Function<OfficeDayRow, T> part, Cell<T>... cells) {
        return Stream.of(cells).map(cell -> new Column(cell.name(), row -> {
            T figures = part.apply(row);
            return figures == null ? "" : cell.value().apply(figures);
        }));
    }

    private static <T> Cell<T> number(String name, ToLongFunction<T> value) {
        return new Cell<>(name, figures -> Long.toString(value.applyAsLong(figures)));
    }

    /** Seconds to a tenth; empty where there is no figure (no durations measured). */
    private static <T> Cell<T> seconds(String name, Function<T, Double> value) {
        return new Cell<>(name, figures -> format("%.1f", value.apply(figures)));
    }

    /** A fraction to four places; empty where it does not exist (a rate of nothing). */
    private static <T> Cell<T> rate(String name, Function<T, Double> value) {
        return new Cell<>(name, figures -> format("%.4f", value.apply(figures)));
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String format(String pattern, Double value) {
        return value == null ? "" : String.format(Locale.ROOT, pattern, value);
    }
}
