package pl.okienko.processors.phone;

import pl.okienko.processors.policy.EffectivePolicy;

/**
 * T1, "answer at the latest by the third ring": an answered call is within target when its rings are
 * at most the policy's ring limit; when the phone system does not report rings, when its answer
 * delay is at most the policy's answer delay. The reported ring count wins because it is what the
 * rule says; the delay is only its stand-in.
 */
public final class AnswerTarget {

    private AnswerTarget() {
    }

    /**
     * @param rings rings before the answer, or null when not reported
     * @param answerDelayMillis offer to answer; negative (clocks of two systems) counts as zero
     */
    public static boolean withinTarget(Integer rings, long answerDelayMillis, EffectivePolicy policy) {
        if (rings != null) {
            return rings <= policy.phoneRingLimit();
        }
        return Math.max(0, answerDelayMillis) <= policy.phoneAnswerDelay().toMillis();
    }
}
