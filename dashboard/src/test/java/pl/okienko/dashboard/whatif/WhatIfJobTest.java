package pl.okienko.dashboard.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WhatIfJobTest {

    private static final WhatIfJob RUNNING = new WhatIfJob("0123456789abcdef", "UM-JED", LocalDate.of(2026, 10, 5),
            LocalDate.of(2026, 10, 11), "Europe/Warsaw", Map.of("phoneAnswerSeconds", 20), WhatIfJob.State.RUNNING,
            "analyst", Instant.parse("2026-12-06T10:00:00Z"), Map.of("okienko.events.phone-0", 10L),
            Map.of("okienko.events.phone-0", 210L), 50, 200, Duration.ofSeconds(9), null, null, null);

    @Test
    void shouldComeBackFromTheJobsTopicAsItWasKept() {
        WhatIfJob done = RUNNING.done(new PeriodFigures(40, 24, 11, 5, 0.6, 6, 3, 2, 1, 0.5),
                Instant.parse("2026-12-06T10:01:00Z"));

        assertThat(WhatIfJobs.fromJson(WhatIfJobs.toJson(RUNNING))).isEqualTo(RUNNING);
        assertThat(WhatIfJobs.fromJson(WhatIfJobs.toJson(done))).isEqualTo(done);
    }

    @Test
    void aDoneJobHasReadEverythingAndKeepsItsResult() {
        WhatIfJob done = RUNNING.done(PeriodFigures.NONE, Instant.parse("2026-12-06T10:01:00Z"));

        assertThat(done.state()).isEqualTo(WhatIfJob.State.DONE);
        assertThat(done.read()).isEqualTo(200);
        assertThat(done.result()).isEqualTo(PeriodFigures.NONE);
        assertThat(done.applicationId()).isEqualTo("okienko-whatif-0123456789abcdef");
    }
}
