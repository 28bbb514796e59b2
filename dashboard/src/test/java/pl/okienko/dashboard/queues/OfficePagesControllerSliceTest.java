package pl.okienko.dashboard.queues;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Optional;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import pl.okienko.dashboard.platform.web.ControllerSlice;
import pl.okienko.directory.Office;
import pl.okienko.processors.queues.OfficeQueuesView;

/**
 * The supervisor's pages (Q1, Q2 and the day report): only the offices they may see are listed and
 * opened, and a day that is not one is refused before any view is read.
 */
@WebMvcTest(OfficePagesController.class)
class OfficePagesControllerSliceTest extends ControllerSlice {

    @MockitoBean
    private LivePanelRenderer panel;

    @MockitoBean
    private DayReport report;

    @Test
    void theOfficeListShowsOnlyTheOfficesTheSupervisorMaySee() throws Exception {
        when(directory.offices()).thenReturn(List.of(office(OFFICE, "Urząd A"), office(OTHER, "Urząd B")));

        mvc.perform(get("/offices").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(view().name("queues/list"))
                .andExpect(content().string(Matchers.containsString("href=\"/offices/" + OFFICE + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/offices/" + OTHER))));
    }

    @Test
    void theHeadersSwitcherOpensTheChosenOffice() throws Exception {
        mvc.perform(get("/offices").param("officeId", " " + OFFICE + " ").with(supervisor()))
                .andExpect(redirectedUrl("/offices/" + OFFICE));
    }

    @Test
    void anotherOfficesPageIsRefusedAndAnAnonymousCallerMustSignIn() throws Exception {
        when(queueViews.live(anyString(), any())).thenReturn(Optional.of(mock(OfficeQueuesView.class)));

        mvc.perform(get("/offices/" + OTHER).with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/offices/" + OTHER + "/days/2026-11-20").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/offices/" + OFFICE)).andExpect(status().isUnauthorized());
    }

    @Test
    void anOfficeWithNoViewIsNotFound() throws Exception {
        when(queueViews.live(eq(OFFICE), any())).thenReturn(Optional.empty());

        mvc.perform(get("/offices/" + OFFICE).with(supervisor())).andExpect(status().isNotFound());
    }

    @Test
    void aDayThatIsNotADateIsRefused() throws Exception {
        mvc.perform(get("/offices/" + OFFICE + "/days/2026-02-30").with(supervisor())).andExpect(status().isBadRequest());
        mvc.perform(get("/offices/" + OFFICE + "/days/1969-12-31").with(supervisor())).andExpect(status().isBadRequest());
        mvc.perform(get("/offices/" + OFFICE + "/days").param("date", "yesterday").with(supervisor()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/offices/" + OFFICE + "/days").with(supervisor())).andExpect(status().isBadRequest());
    }

    @Test
    void theDayFieldLeadsToThatDaysPage() throws Exception {
        mvc.perform(get("/offices/" + OFFICE + "/days").param("date", "2026-11-20").with(supervisor()))
                .andExpect(redirectedUrl("/offices/" + OFFICE + "/days/2026-11-20"));
    }

    private static Office office(String id, String name) {
        return Office.newBuilder().setOfficeId(id).setName(name).setTimeZone("Europe/Warsaw").build();
    }
}
