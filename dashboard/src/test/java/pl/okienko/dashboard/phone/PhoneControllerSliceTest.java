package pl.okienko.dashboard.phone;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.phone.CallbacksView;
import pl.okienko.processors.phone.OfficePhoneView;
import pl.okienko.processors.phone.PhoneViews;

/** The phone API's office scope and day parameter (T1–T4, I2). */
@WebMvcTest(PhoneController.class)
class PhoneControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private PhoneViews views;

    @Test
    void phoneAndCallbacksAreShownToTheOfficesSupervisorOnly() throws Exception {
        when(views.live(eq(OFFICE), any())).thenReturn(Optional.of(mock(OfficePhoneView.class)));
        when(views.callbacks(eq(OFFICE), any(), any(), any())).thenReturn(Optional.of(mock(CallbacksView.class)));
        assertOfficeScoped("/api/v1/offices/%s/phone");
        assertOfficeScoped("/api/v1/offices/%s/callbacks");
    }

    @Test
    void aBadDateIsRefusedNamingTheParameter() throws Exception {
        assertRefusesBadDates("/api/v1/offices/%s/phone", "date");
        assertRefusesBadPeriods("/api/v1/offices/%s/phone");
        assertRefusesBadDates("/api/v1/offices/%s/callbacks?state=all", "date");
    }

    @Test
    void anOfficeWithNoPhoneViewIsNotFound() throws Exception {
        when(views.live(anyString(), any())).thenReturn(Optional.empty());
        assertUnknownOffice("/api/v1/offices/%s/phone", "phone events");
    }

    @Test
    void aPeriodIsAnsweredWithItsTotalAndRowsAsAsked() throws Exception {
        Period march = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        when(views.period(eq(OFFICE), eq(march), eq(Granularity.WEEK), any())).thenReturn(Optional.of(
                new PeriodView<>(march.from(), march.to(), "week", mock(OfficePhoneView.class), List.of())));

        mvc.perform(get("/api/v1/offices/%s/phone?from=2026-03-01&to=2026-03-31&granularity=week".formatted(OFFICE))
                        .with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-03-01"))
                .andExpect(jsonPath("$.to").value("2026-03-31"))
                .andExpect(jsonPath("$.granularity").value("week"));
        assertOthersRefused("/api/v1/offices/%s/phone?from=2026-03-01&to=2026-03-31");
    }
}
