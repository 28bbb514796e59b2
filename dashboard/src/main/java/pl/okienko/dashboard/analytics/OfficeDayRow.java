package pl.okienko.dashboard.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pl.okienko.processors.correspondence.ComplaintFigures;
import pl.okienko.processors.correspondence.EmailFigures;
import pl.okienko.processors.incidents.IncidentDayStats;
import pl.okienko.processors.phone.CallbackSummary;
import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.queues.QueueDayStats;
import pl.okienko.processors.queues.ServiceDayView;
import pl.okienko.processors.stats.DurationStats;

/**
 * One office day as a row of the analysts' CSV export: the whole office's figure of every rule
 * (Q1–Q5, P1, T1–T4, I2, E1, E2, C1, I1), each column named by its rule ID. Durations in seconds,
 * rates as fractions (0.8333); an empty cell where a figure does not exist (no calls, no e-mail).
 */
record OfficeDayRow(LocalDate date, QueueDayStats queues, ServiceDayView service, PhoneStats phone,
        CallbackSummary callbacks, EmailFigures email, ComplaintFigures complaints, IncidentDayStats incidents) {

    static final List<String> HEADER = List.of("date",
            "q1_waits", "q1_wait_mean_s", "q1_wait_p50_s", "q1_wait_p90_s", "q1_wait_max_s",
            "q1_services", "q1_service_mean_s", "q1_service_max_s",
            "p1_priority_tickets", "p1_declined", "p1_fulfilment_rate", "p1_tickets_bypassed", "p1_bypasses",
            "q3_out_of_order_rate", "q4_resolved_rate", "q4_redirected_rate", "q4_transfers_per_visit",
            "q5_pauses", "q5_pause_overrun_share",
            "t1_calls_offered", "t1_service_level", "t1_asa_s", "t2_unanswered", "t2_abandoned", "i2_ended_for_abuse",
            "t3t4_callbacks_due", "t3t4_kept_on_time", "t3t4_kept_late", "t3t4_kept_on_time_rate",
            "e1_emails_received", "e1_within_target_rate", "e1_answered_late", "e2_read_receipts_requested",
            "e2_read_receipts_within_target",
            "c1_registered", "c1_answered_on_time", "c1_answered_late", "c1_extended",
            "i1_incidents", "i1_panic_buttons", "i1_police_escalations", "i1_acknowledge_mean_s", "i1_resolve_mean_s");

    /** The cells, in {@link #HEADER} order. */
    List<String> cells() {
        List<String> c = new ArrayList<>(HEADER.size());
        c.add(date.toString());
        durations(c, queues == null ? null : queues.waitTime(), true);
        durations(c, queues == null ? null : queues.serviceTime(), false);
        ServiceDayView.Priority p = service == null ? null : service.priority();
        c.add(p == null ? "" : number(p.byCategory().values().stream().mapToLong(Long::longValue).sum()));
        c.add(p == null ? "" : number(p.declined()));
        c.add(p == null ? "" : rate(p.fulfilmentRate()));
        c.add(p == null ? "" : number(p.ticketsWithBypasses()));
        c.add(p == null ? "" : number(p.bypasses()));
        c.add(service == null ? "" : rate(service.callOrder().outOfOrderRate()));
        ServiceDayView.Outcomes o = service == null ? null : service.outcomes();
        c.add(o == null ? "" : rate(o.resolvedRate()));
        c.add(o == null ? "" : rate(o.redirectedRate()));
        c.add(o == null ? "" : rate(o.transfersPerVisit()));
        c.add(service == null ? "" : number(service.pauses().pauses()));
        c.add(service == null ? "" : rate(service.pauses().overrunShare()));
        c.add(phone == null ? "" : number(phone.offered()));
        c.add(phone == null ? "" : rate(phone.serviceLevel()));
        c.add(phone == null ? "" : seconds(phone.averageSpeedOfAnswerSeconds()));
        c.add(phone == null ? "" : number(phone.unanswered()));
        c.add(phone == null ? "" : number(phone.abandoned()));
        c.add(phone == null ? "" : number(phone.endedForAbuse()));
        c.add(callbacks == null ? "" : number(callbacks.dueThatDay()));
        c.add(callbacks == null ? "" : number(callbacks.metOnTime()));
        c.add(callbacks == null ? "" : number(callbacks.metLate()));
        c.add(callbacks == null ? "" : rate(callbacks.keptOnTimeRate()));
        c.add(email == null ? "" : number(email.received()));
        c.add(email == null ? "" : rate(email.withinTargetRate()));
        c.add(email == null ? "" : number(email.answeredLate()));
        c.add(email == null ? "" : number(email.readReceipts().requested()));
        c.add(email == null ? "" : number(email.readReceipts().withinTarget()));
        c.add(complaints == null ? "" : number(complaints.registered()));
        c.add(complaints == null ? "" : number(complaints.answeredOnTime()));
        c.add(complaints == null ? "" : number(complaints.answeredLate()));
        c.add(complaints == null ? "" : number(complaints.extended()));
        c.add(incidents == null ? "" : number(incidents.incidents()));
        c.add(incidents == null ? "" : number(incidents.panicButtons()));
        c.add(incidents == null ? "" : number(incidents.policeEscalations()));
        c.add(incidents == null ? "" : seconds(incidents.timeToAcknowledge().meanSeconds()));
        c.add(incidents == null ? "" : seconds(incidents.timeToResolve().meanSeconds()));
        return c;
    }

    /** count, mean, (p50, p90,) max of one duration measure. */
    private static void durations(List<String> c, DurationStats d, boolean withPercentiles) {
        c.add(d == null ? "" : number(d.count()));
        c.add(d == null ? "" : seconds(d.meanSeconds()));
        if (withPercentiles) {
            c.add(d == null ? "" : seconds(d.p50Seconds()));
            c.add(d == null ? "" : seconds(d.p90Seconds()));
        }
        c.add(d == null ? "" : seconds(d.maxSeconds()));
    }

    private static String number(long value) {
        return Long.toString(value);
    }

    private static String seconds(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String rate(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
