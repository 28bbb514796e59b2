package pl.okienko.dashboard.whatif;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A what-if job as the API and the page show it (issue 15): what was asked, its state and progress, and, once done,
 * the recomputed figures beside the live application's figures of the same days.
 *
 * @param actual the live figures of the period now; null until the job is done
 */
public record WhatIfView(String id, String officeId, LocalDate from, LocalDate to, Map<String, Integer> policy,
        WhatIfJob.State state, Progress progress, Instant startedAt, Instant finishedAt, PeriodFigures whatIf,
        PeriodFigures actual, String error) {

    /**
     * @param read records read of the event topic (every office's: a replay reads the period's whole topic)
     * @param timeLeftSeconds an estimate; null until something has been read
     */
    public record Progress(long read, long total, int percent, Long timeLeftSeconds) {
    }

    static WhatIfView of(WhatIfJob job, PeriodFigures actual) {
        ReplayProgress progress = new ReplayProgress(job.read(), job.total(), job.timeLeft());
        return new WhatIfView(job.id(), job.officeId(), job.from(), job.to(), job.policy(), job.state(),
                new Progress(job.read(), job.total(), progress.percent(),
                        job.timeLeft() == null ? null : job.timeLeft().toSeconds()),
                job.startedAt(), job.finishedAt(), job.result(), actual, job.error());
    }
}
