package pl.okienko.dashboard.correspondence;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.correspondence.CorrespondenceViews;

/** The e-mail (E1, E2) and complaints (C1, E3) APIs' answer for an office they know nothing of. */
@WebMvcTest(CorrespondenceController.class)
class CorrespondenceControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private CorrespondenceViews views;

    @Test
    void anOfficeWithNoViewIsNotFoundNamingTheEventsOfThatViewOnly() throws Exception {
        when(views.email(anyString(), any())).thenReturn(Optional.empty());
        when(views.complaints(anyString(), any())).thenReturn(Optional.empty());

        assertUnknownOffice("/api/v1/offices/%s/email", "e-mail events");
        assertUnknownOffice("/api/v1/offices/%s/complaints", "complaint events");
    }

    @Test
    void aBadPeriodIsRefusedSayingWhy() throws Exception {
        assertRefusesBadPeriods("/api/v1/offices/%s/email");
        assertRefusesBadPeriods("/api/v1/offices/%s/complaints");
    }
}
