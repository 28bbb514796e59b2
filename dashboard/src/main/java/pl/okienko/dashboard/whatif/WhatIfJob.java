package pl.okienko.dashboard.whatif;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * A what-if replay (issue 15) as it is kept on the compacted jobs topic, so it survives a restart: what was asked
 * (office, office-local days {@code from}–{@code to} included, the policy override), where the replay starts and
 * stops on each event partition, how far it has come and, once done, its result.
 *
 * @param timeZone the office's zone when the job was asked, which places its days
 * @param startOffsets the period's first offset, by partition ({@code topic-partition})
 * @param endOffsets the end offset when the job started, by partition: the replay stops there
 * @param startedAt when the replay started reading
 * @param result the figures recomputed under the override; null until done
 * @param error why the job failed; null unless it did
 */
public record WhatIfJob(String id, String officeId, LocalDate from, LocalDate to, String timeZone,
        Map<String, Integer> policy,
        State state, String requestedBy, Instant startedAt, Map<String, Long> startOffsets, Map<String, Long> endOffsets,
        long read, long total, Duration timeLeft, Instant finishedAt, PeriodFigures result, String error) {

    /** Where a job is. */
    public enum State {
        RUNNING, DONE, FAILED
    }

    /** The replay's Kafka Streams application id, also its consumer group and the prefix of its internal topics. */
    public String applicationId() {
        return "okienko-whatif-" + id;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    WhatIfJob progressed(ReplayProgress progress) {
        return new WhatIfJob(id, officeId, from, to, timeZone, policy, state, requestedBy, startedAt, startOffsets, endOffsets,
                progress.read(), progress.total(), progress.timeLeft(), finishedAt, result, error);
    }

    WhatIfJob done(PeriodFigures figures, Instant at) {
        return new WhatIfJob(id, officeId, from, to, timeZone, policy, State.DONE, requestedBy, startedAt, startOffsets,
                endOffsets, total, total, Duration.ZERO, at, figures, null);
    }

    WhatIfJob failed(String why, Instant at) {
        return new WhatIfJob(id, officeId, from, to, timeZone, policy, State.FAILED, requestedBy, startedAt, startOffsets,
                endOffsets, read, total, null, at, result, why);
    }
}
