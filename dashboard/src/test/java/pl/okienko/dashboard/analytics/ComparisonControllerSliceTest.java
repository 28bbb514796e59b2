package pl.okienko.dashboard.analytics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.directory.Office;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;

/** The comparison API's office scope (offices named in the query, not the path) and its period. */
@WebMvcTest(ComparisonController.class)
class ComparisonControllerSliceTest extends ControllerSlice {

    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    private static final Office A = Office.newBuilder().setOfficeId(OFFICE).setName("Urząd A").build();

    @MockitoBean
    private OfficeComparison comparison;

    @Test
    void anOfficeOutsideTheCallersIsRefusedAndTheCallersOwnCompared() throws Exception {
        when(directory.office(OFFICE)).thenReturn(Optional.of(A));
        when(comparison.compare(eq(List.of(A)), eq(MARCH), eq(Granularity.WEEK), any())).thenReturn(
                new Comparison(MARCH.from(), MARCH.to(), "week", Map.of(), List.of(), null));

        mvc.perform(get("/api/v1/analytics/comparison?from=2026-03-01&to=2026-03-31&offices=" + OFFICE + "," + OTHER)
                        .with(supervisor()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("you may not see office " + OTHER));
        mvc.perform(get("/api/v1/analytics/comparison.csv?from=2026-03-01&to=2026-03-31&offices=" + OTHER)
                        .with(supervisor()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/analytics/comparison?from=2026-03-01&to=2026-03-31&granularity=week&offices=" + OFFICE)
                        .with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.granularity").value("week"));
        mvc.perform(get("/api/v1/analytics/comparison?from=2026-03-01&to=2026-03-31")).andExpect(status().isUnauthorized());
    }

    @Test
    void withoutOfficesEveryOfficeTheCallerMaySeeIsCompared() throws Exception {
        when(directory.offices()).thenReturn(List.of(A, Office.newBuilder().setOfficeId(OTHER).setName("B").build()));
        when(comparison.compare(any(), any(), any(), any())).thenReturn(
                new Comparison(MARCH.from(), MARCH.to(), null, Map.of(), List.of(), null));

        mvc.perform(get("/api/v1/analytics/comparison?from=2026-03-01&to=2026-03-31").with(supervisor()))
                .andExpect(status().isOk());

        verify(comparison).compare(eq(List.of(A)), eq(MARCH), eq(null), any());
    }

    @Test
    void aBadPeriodIsRefusedSayingWhy() throws Exception {
        mvc.perform(get("/api/v1/analytics/comparison?from=2026-03-02&to=2026-03-01").with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("to 2026-03-01 is before from 2026-03-02"));
        mvc.perform(get("/api/v1/analytics/comparison?from=2026-03-01").with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("parameter 'to' is required"));
    }
}
