package pl.okienko.dashboard.surveys;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.surveys.OfficeSurveysView;
import pl.okienko.processors.surveys.Satisfaction;
import pl.okienko.processors.surveys.SurveyViews;

/** The satisfaction API (S1): office scope, bad dates, and an office it knows nothing of. */
@WebMvcTest(SurveysController.class)
class SurveysControllerSliceTest extends ControllerSlice {

    private static final LocalDate DAY = LocalDate.parse("2026-11-17");

    @MockitoBean
    private SurveyViews views;

    private void known() {
        OfficeSurveysView view = new OfficeSurveysView(OFFICE, DAY, DAY, Satisfaction.NONE, Map.of(), Map.of());
        when(views.today(anyString(), any())).thenReturn(DAY);
        when(views.week(eq(OFFICE), any())).thenReturn(Optional.of(view));
        when(views.day(eq(OFFICE), any())).thenReturn(Optional.of(view));
    }

    @Test
    void theSurveysAreScopedToTheOffice() throws Exception {
        known();
        assertOfficeScoped("/api/v1/offices/%s/surveys");
        assertOfficeScoped("/api/v1/offices/%s/surveys?date=2026-11-17");
    }

    @Test
    void aBadDateIsRefusedNamingIt() throws Exception {
        known();
        assertRefusesBadDates("/api/v1/offices/%s/surveys", "date");
        assertRefusesBadPeriods("/api/v1/offices/%s/surveys");
    }

    @Test
    void anOfficeWithNoViewIsNotFoundNamingSurveyResponses() throws Exception {
        when(views.today(anyString(), any())).thenReturn(DAY);
        when(views.week(anyString(), any())).thenReturn(Optional.empty());

        assertUnknownOffice("/api/v1/offices/%s/surveys", "survey responses");
    }
}
