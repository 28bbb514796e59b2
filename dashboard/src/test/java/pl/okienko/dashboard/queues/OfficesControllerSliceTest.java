package pl.okienko.dashboard.queues;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.queues.OfficeQueuesView;

/** The queue API's office scope and day parameter (Q1, Q2). */
@WebMvcTest(OfficesController.class)
class OfficesControllerSliceTest extends ControllerSlice {

    @Test
    void queuesAreShownToTheOfficesSupervisorOnly() throws Exception {
        when(queueViews.live(eq(OFFICE), any())).thenReturn(Optional.of(mock(OfficeQueuesView.class)));
        assertOfficeScoped("/api/v1/offices/%s/queues");
    }

    @Test
    void aBadDateIsRefusedNamingTheParameter() throws Exception {
        assertRefusesBadDates("/api/v1/offices/%s/queues", "date");
        assertRefusesBadPeriods("/api/v1/offices/%s/queues");
    }

    @Test
    void anOfficeWithNoViewIsNotFound() throws Exception {
        when(queueViews.live(anyString(), any())).thenReturn(Optional.empty());
        assertUnknownOffice("/api/v1/offices/%s/queues", "events");
    }
}
