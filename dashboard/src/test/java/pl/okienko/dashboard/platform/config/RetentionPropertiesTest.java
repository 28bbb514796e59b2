package pl.okienko.dashboard.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The retention settings an operator writes in application.properties or the environment, and their defaults. */
class RetentionPropertiesTest {

    @Test
    void shouldDefaultToNinetyDaysTwoDaysAndThirtyDays() {
        OkienkoProperties.Retention retention = bind(Map.of("okienko.data-dir", "./data")).retention();

        assertThat(retention.metCallbacks()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.resolvedIncidents()).isEqualTo(Duration.ofDays(2));
        assertThat(retention.unresolvedReports()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldTakeWhatTheOperatorSets() {
        OkienkoProperties.Retention retention = bind(Map.of("okienko.retention.met-callbacks", "400d",
                "okienko.retention.resolved-incidents", "12h", "okienko.retention.unresolved-reports", "7d")).retention();

        assertThat(retention.metCallbacks()).isEqualTo(Duration.ofDays(400));
        assertThat(retention.resolvedIncidents()).isEqualTo(Duration.ofHours(12));
        assertThat(retention.unresolvedReports()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldRefuseARetentionTooShortForLateEvents() {
        assertThatThrownBy(() -> bind(Map.of("okienko.retention.resolved-incidents", "0s")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("okienko.retention.* must be at least 1h");
    }

    private static OkienkoProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("okienko", OkienkoProperties.class);
    }
}
