package pl.okienko.dashboard.charts;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.directory.Office;
import pl.okienko.processors.phone.PhoneViews;

/** The day charts' API: office scope, day parameter, an office nobody knows (Q1, P1, T1, T2). */
@WebMvcTest(DayChartsController.class)
class DayChartsControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private PhoneViews phoneViews;

    private void officeInDirectory() {
        when(directory.office(OFFICE)).thenReturn(Optional.of(Office.newBuilder().setOfficeId(OFFICE).setName("Urząd").build()));
    }

    @Test
    void chartsAreShownToTheOfficesSupervisorOnly() throws Exception {
        officeInDirectory();
        assertOfficeScoped("/api/v1/offices/%s/charts");
        mvc.perform(get("/api/v1/offices/" + OFFICE + "/charts?date=2026-11-20").with(supervisor()))
                .andExpect(jsonPath("$.date").value("2026-11-20"))
                .andExpect(jsonPath("$.hours").isEmpty());
    }

    @Test
    void aBadDateIsRefusedNamingTheParameter() throws Exception {
        assertRefusesBadDates("/api/v1/offices/%s/charts", "date");
    }

    @Test
    void anOfficeNeitherInTheDirectoryNorWithFiguresIsNotFound() throws Exception {
        assertUnknownOffice("/api/v1/offices/%s/charts", "events");
    }
}
