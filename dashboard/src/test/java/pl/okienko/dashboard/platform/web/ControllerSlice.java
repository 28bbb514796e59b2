package pl.okienko.dashboard.platform.web;

import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.kafka.QueryTrace;
import pl.okienko.dashboard.platform.security.JsonErrors;
import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.security.OfficeScope;
import pl.okienko.dashboard.platform.security.OkienkoUser;
import pl.okienko.processors.queues.QueueViews;

/**
 * What every concern's controller slice test ({@code @WebMvcTest} of one controller, its views mocked)
 * checks the same way: the office scope (the right office 200, another office's supervisor 403 naming
 * the office, anonymous 401) and the {@code date} parameter (400 problem naming it). The filter chain
 * here demands a signed-in caller and applies the application's {@link OfficeScope} to the paths that name
 * an office; the real chains are covered by the ITs.
 */
@Import({OfficeAccess.class, VisibleOffices.class, ApiExceptionHandler.class, QueryTrace.class, ControllerSlice.Security.class})
public abstract class ControllerSlice {

    /** The office the supervisor may see. */
    protected static final String OFFICE = "UM-A";
    /** An office the supervisor may not see. */
    protected static final String OTHER = "UM-B";

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected QueueViews queueViews;

    /** Read by {@link VisibleOffices}, which the slice loads with every controller. */
    @MockitoBean
    protected OfficeDirectory directory;

    /** Read by the pages' advice, which the slice loads with every controller. */
    @MockitoBean
    private OkienkoProperties properties;

    @BeforeEach
    void notTheDemo() {
        when(properties.demo()).thenReturn(new OkienkoProperties.Demo(false));
    }

    /** A supervisor of {@link #OFFICE} only. */
    protected static RequestPostProcessor supervisor() {
        return user(new OkienkoUser("supervisor", "password", List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR")),
                Set.of(OFFICE)));
    }

    /** {@code path} (with {@code %s} for the office) answers 200 for the office's supervisor only. */
    protected void assertOfficeScoped(String path) throws Exception {
        mvc.perform(get(path.formatted(OFFICE)).with(supervisor())).andExpect(status().isOk());
        assertOthersRefused(path);
    }

    /** {@code path} (with {@code %s} for the office) answers 403 to another office's supervisor, 401 to anyone anonymous. */
    protected void assertOthersRefused(String path) throws Exception {
        mvc.perform(get(path.formatted(OTHER)).with(supervisor()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(Problems.MEDIA_TYPE))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("you may not see office " + OTHER));
        mvc.perform(get(path.formatted(OFFICE))).andExpect(status().isUnauthorized());
    }

    /** {@code path} (with {@code %s} for the office) answers 404 naming the office that has sent no {@code events}. */
    protected void assertUnknownOffice(String path, String events) throws Exception {
        mvc.perform(get(path.formatted(OFFICE)).with(supervisor()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no office " + OFFICE + ": it is not in the directory and has sent no " + events));
    }

    /** {@code path} (with {@code %s} for the office) refuses a date that is not one, and one out of range, naming it. */
    protected void assertRefusesBadDates(String path, String parameter) throws Exception {
        String office = path.formatted(OFFICE);
        String glue = office.contains("?") ? "&" : "?";
        mvc.perform(get(office + glue + parameter + "=2026-02-30").with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(Problems.MEDIA_TYPE))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(parameter + " '2026-02-30' is not a date: expected YYYY-MM-DD, e.g. 2026-11-21"));
        mvc.perform(get(office + glue + parameter + "=1969-12-31").with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(parameter
                        + " 1969-12-31 is out of range: days from 1970-01-01 to 9999-12-31 can be shown"));
    }

    /**
     * {@code path} (with {@code %s} for the office) refuses a period that is not one with a 400 problem saying why: a
     * date beside from/to, from or to alone, to before from, more than 366 days, an unknown granularity, a bad day.
     */
    protected void assertRefusesBadPeriods(String path) throws Exception {
        String office = path.formatted(OFFICE);
        String glue = office.contains("?") ? "&" : "?";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("date=2026-03-01&from=2026-03-01&to=2026-03-02", "give either date or from and to, not both");
        refused.put("from=2026-03-01", "to is missing: a period needs both from and to");
        refused.put("to=2026-03-01", "from is missing: a period needs both from and to");
        refused.put("from=2026-03-02&to=2026-03-01", "to 2026-03-01 is before from 2026-03-02");
        refused.put("from=2028-01-01&to=2029-01-01", "a period holds at most 366 days; 2028-01-01 to 2029-01-01 holds 367");
        refused.put("from=2026-03-01&to=2026-03-31&granularity=year", "granularity must be day, week or month, was 'year'");
        refused.put("date=2026-03-01&granularity=week", "granularity needs a period: give from and to");
        refused.put("from=2026-02-30&to=2026-03-01", "from '2026-02-30' is not a date: expected YYYY-MM-DD, e.g. 2026-11-21");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            mvc.perform(get(office + glue + bad.getKey()).with(supervisor()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(Problems.MEDIA_TYPE))
                    .andExpect(jsonPath("$.detail").value(bad.getValue()));
        }
    }

    /** The application's office scope on a chain that otherwise only demands a signed-in caller. */
    @TestConfiguration
    static class Security {

        @Bean
        SecurityFilterChain api(HttpSecurity http, OfficeAccess access) throws Exception {
            return http.authorizeHttpRequests(requests -> requests
                            .requestMatchers(OfficeScope.PATHS).access(new OfficeScope(access))
                            .anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .exceptionHandling(errors -> errors.accessDeniedHandler(JsonErrors.accessDenied()))
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }
}
