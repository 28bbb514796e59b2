package pl.okienko.dashboard.alerts;

import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.alerts.AlertViews;

/** The alert API's office scope (Q2, T3, E2, I1 alerts). */
@WebMvcTest(AlertsController.class)
class AlertsControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private AlertViews views;
    @MockitoBean
    private AlertAcknowledgements acknowledgements;

    @Test
    void oneOfficesAlertsAreShownToItsSupervisorOnly() throws Exception {
        when(views.alerts(OFFICE, true)).thenReturn(List.of());
        assertOfficeScoped("/api/v1/alerts?officeId=%s");
    }
}
