package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.DefaultDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;

/** The read APIs' day and period parameters bound to one {@link DaysAsked}, refused as Spring's own binding refuses them. */
class DaysAskedResolverTest {

    private final DaysAskedResolver resolver = new DaysAskedResolver();

    @Test
    void bindsNothingAsTheLiveViewADayAndAPeriodWithItsRows() throws Exception {
        assertThat(resolve()).isEqualTo(new DaysAsked(null, null, null));
        assertThat(resolve("date", "")).isEqualTo(new DaysAsked(null, null, null));
        assertThat(resolve("date", "2026-03-01")).isEqualTo(new DaysAsked(LocalDate.of(2026, 3, 1), null, null));
        assertThat(resolve("from", "2026-03-01", "to", "2026-03-31", "granularity", "Week")).isEqualTo(new DaysAsked(null,
                new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), Granularity.WEEK));
    }

    @Test
    void aValueThatIsNotADayFailsAsRequestParameterBindingDoesNamingTheParameter() {
        assertThatThrownBy(() -> resolve("from", "2026-03-01", "to", "2026-02-30"))
                .isInstanceOfSatisfying(MethodArgumentTypeMismatchException.class, e -> {
                    assertThat(e.getName()).isEqualTo("to");
                    assertThat(e.getValue()).isEqualTo("2026-02-30");
                    assertThat(e.getRequiredType()).isEqualTo(LocalDate.class);
                });
    }

    @Test
    void everyDayOutOfRangeIsNamedInOneRefusal() {
        assertThatThrownBy(() -> resolve("from", "1969-12-30", "to", "1969-12-31"))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getReason()).isEqualTo(
                        "from 1969-12-30 is out of range: days from 1970-01-01 to 9999-12-31 can be shown; "
                                + "to 1969-12-31 is out of range: days from 1970-01-01 to 9999-12-31 can be shown"));
    }

    @Test
    void severalGranularitiesArriveJoinedAndAreRefused() {
        assertThatThrownBy(() -> resolve("from", "2026-03-01", "to", "2026-03-31", "granularity", "week", "granularity", "day"))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getReason())
                        .isEqualTo("granularity must be day, week or month, was 'week,day'"));
    }

    /** Binds {@code query} (name, value, name, value…) as a handler's {@code DaysAsked} parameter. */
    private DaysAsked resolve(String... query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/offices/UM-A/queues");
        for (int i = 0; i < query.length; i += 2) {
            request.addParameter(query[i], query[i + 1]);
        }
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(new DefaultFormattingConversionService());
        Method handler = DaysAskedResolverTest.class.getDeclaredMethod("handler", DaysAsked.class);
        MethodParameter parameter = new MethodParameter(handler, 0);
        assertThat(resolver.supportsParameter(parameter)).isTrue();
        return resolver.resolveArgument(parameter, null, new ServletWebRequest(request),
                new DefaultDataBinderFactory(initializer));
    }

    @SuppressWarnings("unused")
    private static void handler(DaysAsked asked) {
    }
}
