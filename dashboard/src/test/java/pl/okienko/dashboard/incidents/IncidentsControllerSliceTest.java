package pl.okienko.dashboard.incidents;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.incidents.IncidentViews;
import pl.okienko.processors.incidents.OfficeIncidentsView;

/** The incident API's office scope and day parameter (I1). */
@WebMvcTest(IncidentsController.class)
class IncidentsControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private IncidentViews views;

    @Test
    void incidentsAreShownToTheOfficesSupervisorOnly() throws Exception {
        when(views.live(eq(OFFICE), any())).thenReturn(mock(OfficeIncidentsView.class));
        assertOfficeScoped("/api/v1/offices/%s/incidents");
    }

    @Test
    void aBadDateIsRefusedNamingTheParameter() throws Exception {
        assertRefusesBadDates("/api/v1/offices/%s/incidents", "date");
        assertRefusesBadPeriods("/api/v1/offices/%s/incidents");
    }
}
