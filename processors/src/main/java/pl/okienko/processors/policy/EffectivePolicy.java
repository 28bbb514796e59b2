package pl.okienko.processors.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import pl.okienko.directory.Policy;

/**
 * The rule thresholds (docs/standards.md) in force for one queue, line or mailbox: each field comes from
 * the narrowest policy that sets it (queue, line or mailbox, then department, then office), else
 * from the built-in default.
 */
public record EffectivePolicy(
        int queueWaitingLimit,
        Duration queueLongestWait,
        Duration priorityTargetWait,
        int phoneRingLimit,
        Duration phoneAnswerDelay,
        Duration callbackDelay,
        Duration callbackGrace,
        Duration emailReply,
        Duration readReceipt,
        int complaintDueSoonDays,
        Duration incidentAck,
        int hotspotIncidents,
        Duration hotspotWindow) {

    /** The built-in defaults of docs/standards.md (Q2, P1, T1, T3, T4, E1, E2, C1, I1). */
    public static final EffectivePolicy DEFAULTS = new EffectivePolicy(
            15, Duration.ofMinutes(20), Duration.ofMinutes(5), 3, Duration.ofSeconds(15),
            Duration.ofMinutes(120), Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofMinutes(10),
            5, Duration.ofSeconds(60), 2, Duration.ofMinutes(30));

    /** Resolves a policy from the given ones, narrowest scope first; nulls in the list are skipped. */
    public static EffectivePolicy resolve(List<Policy> narrowestFirst) {
        List<Policy> policies = narrowestFirst.stream().filter(Objects::nonNull).toList();
        EffectivePolicy d = DEFAULTS;
        return new EffectivePolicy(
                pick(policies, Policy::getQueueWaitingLimit, d.queueWaitingLimit),
                minutes(policies, Policy::getQueueLongestWaitMinutes, d.queueLongestWait),
                minutes(policies, Policy::getPriorityTargetWaitMinutes, d.priorityTargetWait),
                pick(policies, Policy::getPhoneRingLimit, d.phoneRingLimit),
                Duration.ofSeconds(pick(policies, Policy::getPhoneAnswerSeconds, (int) d.phoneAnswerDelay.toSeconds())),
                minutes(policies, Policy::getCallbackDelayMinutes, d.callbackDelay),
                minutes(policies, Policy::getCallbackGraceMinutes, d.callbackGrace),
                Duration.ofHours(pick(policies, Policy::getEmailReplyHours, (int) d.emailReply.toHours())),
                minutes(policies, Policy::getReadReceiptMinutes, d.readReceipt),
                pick(policies, Policy::getComplaintDueSoonDays, d.complaintDueSoonDays),
                Duration.ofSeconds(pick(policies, Policy::getIncidentAckSeconds, (int) d.incidentAck.toSeconds())),
                pick(policies, Policy::getHotspotIncidents, d.hotspotIncidents),
                minutes(policies, Policy::getHotspotWindowMinutes, d.hotspotWindow));
    }

    private static int pick(List<Policy> policies, Function<Policy, Integer> field, int fallback) {
        for (Policy p : policies) {
            Integer value = field.apply(p);
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }

    private static Duration minutes(List<Policy> policies, Function<Policy, Integer> field, Duration fallback) {
        return Duration.ofMinutes(pick(policies, field, (int) fallback.toMinutes()));
    }
}
