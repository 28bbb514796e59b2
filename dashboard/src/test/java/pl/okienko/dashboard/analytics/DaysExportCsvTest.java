package pl.okienko.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DaysExportCsvTest {

    @Test
    void shouldWriteTheHeaderAndOneCrlfEndedLinePerDayWithoutQuotes() {
        List<OfficeDayRow> rows = List.of(new OfficeDayRow(LocalDate.of(2026, 11, 20), null, null, null, null, null, null, null, null),
                new OfficeDayRow(LocalDate.of(2026, 11, 21), null, null, null, null, null, null, null, null));
        String empty = ",".repeat(OfficeDayRow.HEADER.size() - 1);

        String csv = DaysExportController.csv(rows);

        assertThat(csv).isEqualTo("date,q1_waits,q1_wait_mean_s,q1_wait_p50_s,q1_wait_p90_s,q1_wait_max_s,"
                + "q1_services,q1_service_mean_s,q1_service_max_s,"
                + "p1_priority_tickets,p1_declined,p1_fulfilment_rate,p1_tickets_bypassed,p1_bypasses,"
                + "q3_out_of_order_rate,q4_resolved_rate,q4_redirected_rate,q4_transfers_per_visit,"
                + "q5_pauses,q5_pause_overrun_share,"
                + "t1_calls_offered,t1_service_level,t1_asa_s,t2_unanswered,t2_abandoned,i2_ended_for_abuse,"
                + "t3t4_callbacks_due,t3t4_kept_on_time,t3t4_kept_late,t3t4_kept_on_time_rate,"
                + "e1_emails_received,e1_within_target_rate,e1_answered_late,e2_read_receipts_requested,"
                + "e2_read_receipts_within_target,"
                + "c1_registered,c1_answered_on_time,c1_answered_late,c1_extended,"
                + "i1_incidents,i1_panic_buttons,i1_police_escalations,i1_acknowledge_mean_s,i1_resolve_mean_s,"
                + "s1_responses,s1_answers,s1_mean_score,s1_index\r\n"
                + "2026-11-20" + empty + "\r\n"
                + "2026-11-21" + empty + "\r\n");
    }

    @Test
    void shouldWriteOnlyTheHeaderWhenThereAreNoDays() {
        assertThat(DaysExportController.csv(List.of())).isEqualTo(String.join(",", OfficeDayRow.HEADER) + "\r\n");
    }
}
