package pl.okienko.dashboard.analytics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Component;

import pl.okienko.directory.Office;
import pl.okienko.processors.alerts.AlertView;
import pl.okienko.processors.alerts.AlertViews;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.processors.policy.EffectivePolicy;
import pl.okienko.processors.queues.QueueViews;
import pl.okienko.processors.surveys.SurveyViews;

/**
 * Computes a {@link Comparison} of offices over a period (issue 15; Q1, Q2, P1, T1, T2, E1, C1, I1, S1) from every
 * concern's period views: each office's figures per part of the period as a {@link ComparisonTally}, and the total
 * as the merge of those tallies.
 */
@Component
public record OfficeComparison(QueueViews queues, PhoneViews phone, CorrespondenceViews correspondence,
        IncidentViews incidents, SurveyViews surveys, AlertViews alerts) {

    private static final String QUEUE_EXCESSIVE = "QUEUE_EXCESSIVE";

    /** The built-in targets (docs/standards.md) beside the columns they judge. */
    static final Map<String, String> TARGETS = targets(EffectivePolicy.DEFAULTS);

    /** @param offices the offices to compare, each one the caller may see, in the order to show */
    public Comparison compare(List<Office> offices, Period period, Granularity granularity, Instant now) {
        List<Period> parts = new ArrayList<>();
        parts.add(period);
        if (granularity != null) {
            parts.addAll(period.buckets(granularity));
        }
        List<ComparisonTally> totals = parts.stream().map(p -> new ComparisonTally()).toList();
        List<Comparison.OfficeRows> rows = new ArrayList<>();
        for (Office office : offices) {
            List<ComparisonTally> tallies = tallies(office, period, granularity, parts, now);
            for (int i = 0; i < parts.size(); i++) {
                totals.get(i).merge(tallies.get(i));
            }
            rows.add(rows(office.getOfficeId(), office.getName(), tallies, parts, granularity));
        }
        return new Comparison(period.from(), period.to(), granularity == null ? null : granularity.toString(), TARGETS,
                rows, rows(Comparison.TOTAL, "Razem / Total", totals, parts, granularity));
    }

    /**
     * For each department of each office, its ISO weeks of the period that have both a mean wait (Q1) and an
     * answered survey about it (S1), correlated ({@link WaitSatisfaction}); departments with no such week are left out.
     */
    public List<WaitSatisfaction> waitSatisfaction(List<Office> offices, Period period) {
        List<WaitSatisfaction> correlations = new ArrayList<>();
        for (Office office : offices) {
            String officeId = office.getOfficeId();
            Map<String, Map<String, Double>> meanWaits = new HashMap<>();
            queues.dayPeriod(officeId, period, Granularity.WEEK).ifPresent(view -> view.rows().stream()
                    .filter(row -> row.figures() != null)
                    .forEach(row -> row.figures().departments().stream()
                            .filter(department -> department.waitTime().meanSeconds() != null)
                            .forEach(department -> meanWaits.computeIfAbsent(department.id(), id -> new HashMap<>())
                                    .put(row.period(), department.waitTime().meanSeconds()))));
            Map<String, List<WaitSatisfaction.Week>> weeks = new TreeMap<>();
            surveys.period(officeId, period, Granularity.WEEK).ifPresent(view -> view.rows().stream()
                    .filter(row -> row.figures() != null)
                    .forEach(row -> row.figures().departments().forEach((departmentId, satisfaction) -> {
                        Double wait = meanWaits.getOrDefault(departmentId, Map.of()).get(row.period());
                        if (wait != null && satisfaction.index().isPresent()) {
                            weeks.computeIfAbsent(departmentId, id -> new ArrayList<>()).add(
                                    new WaitSatisfaction.Week(row.period(), wait, satisfaction.index().getAsDouble()));
                        }
                    })));
            Map<String, String> names = new HashMap<>();
            office.getDepartments().forEach(department -> names.put(department.getDepartmentId(), department.getName()));
            weeks.forEach((departmentId, departmentWeeks) -> correlations.add(WaitSatisfaction.of(officeId,
                    office.getName(), departmentId, names.getOrDefault(departmentId, departmentId), departmentWeeks)));
        }
        return correlations;
    }

    private static Comparison.OfficeRows rows(String officeId, String name, List<ComparisonTally> tallies,
            List<Period> parts, Granularity granularity) {
        Period whole = parts.get(0);
        List<ComparisonRow> buckets = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            buckets.add(tallies.get(i).row(officeId, name, granularity.label(parts.get(i).from()), parts.get(i)));
        }
        return new Comparison.OfficeRows(officeId, name,
                tallies.get(0).row(officeId, name, whole.from() + ".." + whole.to(), whole), buckets);
    }

    private List<ComparisonTally> tallies(Office office, Period period, Granularity granularity, List<Period> parts,
            Instant now) {
        String officeId = office.getOfficeId();
        List<ComparisonTally> tallies = parts.stream().map(p -> new ComparisonTally()).toList();
        for (int i = 0; i < parts.size(); i++) {
            tallies.get(i).waits.merge(queues.waits(officeId, parts.get(i)));
        }
        add(queues.priorityPeriod(officeId, period, granularity), tallies, (t, v) -> t.priority(v.office().priority()));
        add(phone.period(officeId, period, granularity, now), tallies, (t, v) -> t.phone(v.office()));
        add(correspondence.emailPeriod(officeId, period, granularity, now), tallies, (t, v) -> t.email(v.office()));
        add(correspondence.complaintsPeriod(officeId, period, granularity, now), tallies,
                (t, v) -> t.c1Overdue += v.office().overdue());
        add(Optional.of(incidents.period(officeId, period, granularity)), tallies,
                (t, v) -> t.i1Incidents += v.office().incidents());
        add(surveys.period(officeId, period, granularity), tallies, (t, v) -> t.s1 = t.s1.plus(v.office()));
        ZoneId zone = zone(office);
        for (AlertView alert : alerts.alerts(officeId, false)) {
            if (QUEUE_EXCESSIVE.equals(alert.type()) && alert.raisedAt() != null) {
                var day = alert.raisedAt().atZone(zone).toLocalDate();
                for (int i = 0; i < parts.size(); i++) {
                    tallies.get(i).q2Alerts += parts.get(i).contains(day) ? 1 : 0;
                }
            }
        }
        return tallies;
    }

    /** Adds a period view's total to the first tally and each of its rows to the tally of its bucket. */
    private static <V> void add(Optional<PeriodView<V>> view, List<ComparisonTally> tallies,
            BiConsumer<ComparisonTally, V> add) {
        view.ifPresent(v -> {
            add.accept(tallies.get(0), v.total());
            for (int i = 0; i < v.rows().size(); i++) {
                V figures = v.rows().get(i).figures();
                if (figures != null) {
                    add.accept(tallies.get(i + 1), figures);
                }
            }
        });
    }

    private static ZoneId zone(Office office) {
        try {
            return ZoneId.of(office.getTimeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("Europe/Warsaw");
        }
    }

    private static Map<String, String> targets(EffectivePolicy p) {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("q1WaitP90Seconds", "≤ " + p.queueLongestWait().toSeconds() + " (Q2 longest wait)");
        targets.put("q2Alerts", "0");
        targets.put("p1FulfilmentRate", "1 (called within " + p.priorityTargetWait().toMinutes() + " min, no bypass)");
        targets.put("t1WithinTargetRate", "answered by ring " + p.phoneRingLimit() + " (or "
                + p.phoneAnswerDelay().toSeconds() + " s)");
        targets.put("t2AbandonedRate", "as low as possible");
        targets.put("e1WithinTargetRate", "1 (first response within " + p.emailReply().toHours() + " h)");
        targets.put("c1Overdue", "0");
        targets.put("s1Index", "none: shown beside the service figures");
        return java.util.Collections.unmodifiableMap(targets);
    }
}
