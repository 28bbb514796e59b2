package pl.okienko.dashboard.analytics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.directory.Office;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;

/** The analysts' page: the caller's offices only, another office refused, an anonymous caller sent to sign in. */
@WebMvcTest(AnalyticsPageController.class)
@Import(ComparisonController.class)
class AnalyticsPageControllerSliceTest extends ControllerSlice {

    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    private static final Office A = Office.newBuilder().setOfficeId(OFFICE).setName("Urząd A").build();
    private static final Office B = Office.newBuilder().setOfficeId(OTHER).setName("Urząd B").build();

    @MockitoBean
    private OfficeComparison comparison;

    @BeforeEach
    void twoOffices() {
        when(directory.offices()).thenReturn(List.of(A, B));
        when(directory.office(OFFICE)).thenReturn(Optional.of(A));
    }

    @Test
    void theFormOffersTheCallersOfficesAndTheLastFullMonthWithoutComparingYet() throws Exception {
        LocalDate firstOfThisMonth = LocalDate.now(ZoneId.of("Europe/Warsaw")).withDayOfMonth(1);

        mvc.perform(get("/analytics").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(view().name(AnalyticsPageController.TEMPLATE))
                .andExpect(content().string(containsString("data-testid=\"office-" + OFFICE + "\"")))
                .andExpect(content().string(not(containsString("office-" + OTHER))))
                .andExpect(content().string(containsString("value=\"" + firstOfThisMonth.minusMonths(1) + "\"")))
                .andExpect(content().string(containsString("value=\"" + firstOfThisMonth.minusDays(1) + "\"")))
                .andExpect(content().string(not(containsString("comparison-table"))));
        verifyNoInteractions(comparison);
    }

    @Test
    void theCallersOfficeIsComparedWithItsFiguresTargetsAndCsvLink() throws Exception {
        ComparisonRow row = row(OFFICE, "Urząd A", 200.0, 0.75);
        ComparisonRow total = row(Comparison.TOTAL, "Razem / Total", 200.0, 0.75);
        when(comparison.compare(eq(List.of(A)), eq(MARCH), eq(Granularity.WEEK), any())).thenReturn(new Comparison(
                MARCH.from(), MARCH.to(), "week", OfficeComparison.TARGETS,
                List.of(new Comparison.OfficeRows(OFFICE, "Urząd A", row, List.of(row))),
                new Comparison.OfficeRows(Comparison.TOTAL, "Razem / Total", total, List.of(total))));

        mvc.perform(get("/analytics?offices=" + OFFICE + "&from=2026-03-01&to=2026-03-31&lang=en").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"comparison-row-" + OFFICE + "\"")))
                .andExpect(content().string(containsString(">3:20 min<")))
                .andExpect(content().string(containsString("data-value=\"0.75\"")))
                .andExpect(content().string(containsString(">75%<")))
                .andExpect(content().string(containsString(
                        "href=\"/api/v1/analytics/comparison.csv?from=2026-03-01&amp;to=2026-03-31&amp;offices=" + OFFICE
                                + "&amp;granularity=week\"")))
                .andExpect(content().string(containsString("data-trend=")));
    }

    @Test
    void anOfficeOutsideTheCallersIsRefusedAndAnAnonymousCallerMustSignIn() throws Exception {
        mvc.perform(get("/analytics?offices=" + OTHER + "&from=2026-03-01&to=2026-03-31").with(supervisor()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/analytics?offices=" + OFFICE + "," + OTHER + "&from=2026-03-01&to=2026-03-31")
                        .with(supervisor()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/analytics")).andExpect(status().isUnauthorized());
        verifyNoInteractions(comparison);
    }

    @Test
    void aBadPeriodIsShownOnThePageSayingWhy() throws Exception {
        mvc.perform(get("/analytics?from=2026-03-02&to=2026-03-01").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("to 2026-03-01 is before from 2026-03-02")));
    }

    private static ComparisonRow row(String officeId, String name, double meanWait, double serviceLevel) {
        return new ComparisonRow(officeId, name, "2026-03-01..2026-03-31", MARCH.from(), MARCH.to(), 12, meanWait,
                300.0, 0, 0, null, 4, serviceLevel, 0.25, 0, null, 0, 0, 0, null);
    }
}
