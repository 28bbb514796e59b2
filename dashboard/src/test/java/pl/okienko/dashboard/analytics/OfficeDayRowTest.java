package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.processors.correspondence.ComplaintFigures;
import pl.okienko.processors.correspondence.EmailFigures;
import pl.okienko.processors.incidents.IncidentDayStats;
import pl.okienko.processors.phone.CallbackSummary;
import pl.okienko.processors.phone.PhoneStats;
import pl.okienko.processors.queues.QueueDayStats;
import pl.okienko.processors.queues.ServiceDayView;
import pl.okienko.processors.stats.DurationStats;
import pl.okienko.processors.surveys.Satisfaction;

class OfficeDayRowTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void shouldPutEveryRulesOfficeFigureUnderItsColumn() {
        QueueDayStats queues = new QueueDayStats("UM-JED", "Urząd", null, new DurationStats(40, 312.5, 300.0, 540.25, 900.0),
                new DurationStats(38, 420.0, 400.0, 600.0, 1200.0));
        ServiceDayView service = new ServiceDayView("UM-JED", "Urząd", null,
                new ServiceDayView.Priority(Map.of("ELDERLY", 3L, "PREGNANT", 1L), 4, 3, 1, 3, 2, 2.0 / 3,
                        new DurationStats(3, 200.0, 180.0, 300.0, 320.0), 1, 2, 0, Map.of(), Map.of()),
                new ServiceDayView.CallOrder(30, 3, 0.1), new ServiceDayView.Outcomes(38, 30, 5, 3, 30.0 / 38, 5.0 / 38,
                        3.0 / 38, 2, 2.0 / 38), new ServiceDayView.Pauses(4, 4, 1, 0.25));
        PhoneStats phone = new PhoneStats("UM-JED", "Urząd", null, 50, 40, 6, 4, 3, 1, 0, 0.8, 0.08, 9.5, 40.0, 180.0, 1,
                5, 4);
        CallbackSummary callbacks = new CallbackSummary(0, 0, 0, 4, 3, 1, 0, 0.75, 4, 4);
        EmailFigures email = new EmailFigures("UM-JED", "Urząd", 12, 9, 1, 2, 0, 10.0 / 12, 1, 10, 1, 1, 0, 0,
                new EmailFigures.ReadReceiptFigures(3, 2, 1, 0, DurationStats.EMPTY), DurationStats.EMPTY);
        ComplaintFigures complaints = new ComplaintFigures("UM-JED", "Urząd", 2, 1, 1, 1, 0, 1.0, 1, 1, 0, 1, 0, 0);
        IncidentDayStats incidents = new IncidentDayStats(2, Map.of(3, 1L, 4, 1L), 1, 1, 2,
                new DurationStats(2, 45.0, 40.0, 50.0, 50.0), new DurationStats(2, 600.0, 500.0, 700.0, 700.0));
        // three responses: one scored 5 and 4, one 3 and 2, one only its first question, 1
        Satisfaction satisfaction = Satisfaction.response(Map.of("q1", 5, "q2", 4))
                .plus(Satisfaction.response(Map.of("q1", 3, "q2", 2))).plus(Satisfaction.response(Map.of("q1", 1)));

        Map<String, String> row = row(new OfficeDayRow(DAY, queues, service, phone, callbacks, email, complaints, incidents,
                satisfaction));

        assertThat(row).containsEntry("date", "2026-11-20")
                .containsEntry("q1_waits", "40").containsEntry("q1_wait_mean_s", "312.5").containsEntry("q1_wait_p90_s", "540.3")
                .containsEntry("q1_wait_max_s", "900.0").containsEntry("q1_services", "38").containsEntry("q1_service_max_s", "1200.0")
                .containsEntry("p1_priority_tickets", "4").containsEntry("p1_declined", "1")
                .containsEntry("p1_fulfilment_rate", "0.6667").containsEntry("p1_bypasses", "2")
                .containsEntry("q3_out_of_order_rate", "0.1000").containsEntry("q4_resolved_rate", "0.7895")
                .containsEntry("q4_transfers_per_visit", "0.0526").containsEntry("q5_pause_overrun_share", "0.2500")
                .containsEntry("t1_calls_offered", "50").containsEntry("t1_service_level", "0.8000")
                .containsEntry("t1_asa_s", "9.5").containsEntry("t2_unanswered", "4").containsEntry("i2_ended_for_abuse", "1")
                .containsEntry("t3t4_callbacks_due", "4").containsEntry("t3t4_kept_on_time_rate", "0.7500")
                .containsEntry("e1_emails_received", "12").containsEntry("e1_within_target_rate", "0.8333")
                .containsEntry("e2_read_receipts_within_target", "2")
                .containsEntry("c1_registered", "2").containsEntry("c1_answered_on_time", "1")
                .containsEntry("i1_incidents", "2").containsEntry("i1_police_escalations", "1")
                .containsEntry("i1_acknowledge_mean_s", "45.0").containsEntry("i1_resolve_mean_s", "600.0")
                // five answers, scores 15 in all: mean 3.00; index Σ(score − 1) / (5 × 4) × 100 = 10 / 20 × 100
                .containsEntry("s1_responses", "3").containsEntry("s1_answers", "5")
                .containsEntry("s1_mean_score", "3.00").containsEntry("s1_index", "50.0");
    }

    @Test
    void shouldLeaveFiguresThatDoNotExistEmpty() {
        List<String> cells = new OfficeDayRow(DAY, null, null, null, null, null, null, null, null).cells();

        assertThat(cells).hasSameSizeAs(OfficeDayRow.HEADER);
        assertThat(cells.get(0)).isEqualTo("2026-11-20");
        assertThat(cells.subList(1, cells.size())).containsOnly("");
    }

    @Test
    void shouldLeaveARateOfNothingEmptyRatherThanZero() {
        PhoneStats noCalls = new PhoneStats("UM-JED", "Urząd", null, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, 0, 0, 0);

        Map<String, String> row = row(new OfficeDayRow(DAY, null, null, noCalls, null, null, null, null, null));

        assertThat(row).containsEntry("t1_calls_offered", "0").containsEntry("t1_service_level", "").containsEntry("t1_asa_s", "");
    }

    private static Map<String, String> row(OfficeDayRow row) {
        List<String> cells = row.cells();
        assertThat(cells).hasSameSizeAs(OfficeDayRow.HEADER);
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            byColumn.put(OfficeDayRow.HEADER.get(i), cells.get(i));
        }
        return Collections.unmodifiableMap(byColumn);
    }
}
