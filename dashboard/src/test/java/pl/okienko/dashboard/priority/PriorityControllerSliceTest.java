package pl.okienko.dashboard.priority;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.queues.OfficePriorityView;

/** The priority API's office scope and day parameter (P1, P2, Q3–Q5). */
@WebMvcTest(PriorityController.class)
class PriorityControllerSliceTest extends ControllerSlice {

    @Test
    void priorityIsShownToTheOfficesSupervisorOnly() throws Exception {
        when(queueViews.priority(eq(OFFICE), any())).thenReturn(Optional.of(mock(OfficePriorityView.class)));
        assertOfficeScoped("/api/v1/offices/%s/priority");
    }

    @Test
    void aBadDateIsRefusedNamingTheParameter() throws Exception {
        assertRefusesBadDates("/api/v1/offices/%s/priority", "date");
        assertRefusesBadPeriods("/api/v1/offices/%s/priority");
    }
}
