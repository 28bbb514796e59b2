package pl.okienko.dashboard.analytics;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.processors.surveys.SurveyViews;

/** The day export's office scope and its from and to days. */
@WebMvcTest(DaysExportController.class)
class DaysExportControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private PhoneViews phone;
    @MockitoBean
    private CorrespondenceViews correspondence;
    @MockitoBean
    private IncidentViews incidents;
    @MockitoBean
    private SurveyViews surveys;

    @Test
    void anotherOfficesDaysAreRefused() throws Exception {
        assertOthersRefused("/api/v1/offices/%s/days.csv?from=2026-10-14&to=2026-10-14");
    }

    @Test
    void aBadFromOrToIsRefusedNamingIt() throws Exception {
        assertRefusesBadDates("/api/v1/offices/%s/days.csv?to=2026-10-14", "from");
        assertRefusesBadDates("/api/v1/offices/%s/days.csv?from=1970-01-01", "to");
    }
}
