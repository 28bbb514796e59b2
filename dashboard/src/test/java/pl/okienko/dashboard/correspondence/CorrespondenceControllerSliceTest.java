package pl.okienko.dashboard.correspondence;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.correspondence.OfficeComplaintsView;
import pl.okienko.processors.correspondence.OfficeEmailView;

/** The e-mail and complaints API's office scope and day parameter (E1–E3, C1). */
@WebMvcTest(CorrespondenceController.class)
class CorrespondenceControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private CorrespondenceViews views;

    @Test
    void emailAndComplaintsAreShownToTheOfficesSupervisorOnly() throws Exception {
        when(views.email(eq(OFFICE), any())).thenReturn(Optional.of(mock(OfficeEmailView.class)));
        when(views.complaints(eq(OFFICE), any())).thenReturn(Optional.of(mock(OfficeComplaintsView.class)));
        assertOfficeScoped("/api/v1/offices/%s/email");
        assertOfficeScoped("/api/v1/offices/%s/complaints");
    }

    @Test
    void aBadDateIsRefusedNamingTheParameter() throws Exception {
        assertRefusesBadDates("/api/v1/offices/%s/email", "date");
        assertRefusesBadDates("/api/v1/offices/%s/complaints", "date");
    }
}
