package pl.okienko.processors.phone;

import pl.okienko.processors.phone.state.PhoneCounts;

/**
 * Adds up hourly counts (T1, T2, I2) of any set of lines and hours: a line's day, a department, the
 * office, one hour of the day. Sums and counts are exact, so every mean is exact too.
 */
public final class PhoneTally {

    private long offered;
    private long within;
    private long later;
    private long abandoned;
    private long noAnswer;
    private long busy;
    private long answerDelaySum;
    private long answerDelayMax;
    private long talks;
    private long talkSum;
    private long endedForAbuse;
    private long outboundAttempts;
    private long outboundConnected;

    public PhoneTally add(PhoneCounts c) {
        if (c == null) {
            return this;
        }
        offered += c.getOffered();
        within += c.getAnsweredWithinTarget();
        later += c.getAnsweredLater();
        abandoned += c.getAbandoned();
        noAnswer += c.getNoAnswer();
        busy += c.getBusy();
        answerDelaySum += c.getAnswerDelaySumMillis();
        answerDelayMax = Math.max(answerDelayMax, c.getAnswerDelayMaxMillis());
        talks += c.getTalks();
        talkSum += c.getTalkSumMillis();
        endedForAbuse += c.getEndedForAbuse();
        outboundAttempts += c.getOutboundAttempts();
        outboundConnected += c.getOutboundConnected();
        return this;
    }

    public PhoneTally add(PhoneTally t) {
        offered += t.offered;
        within += t.within;
        later += t.later;
        abandoned += t.abandoned;
        noAnswer += t.noAnswer;
        busy += t.busy;
        answerDelaySum += t.answerDelaySum;
        answerDelayMax = Math.max(answerDelayMax, t.answerDelayMax);
        talks += t.talks;
        talkSum += t.talkSum;
        endedForAbuse += t.endedForAbuse;
        outboundAttempts += t.outboundAttempts;
        outboundConnected += t.outboundConnected;
        return this;
    }

    public long offered() {
        return offered;
    }

    public PhoneStats toStats(String id, String name, String departmentId) {
        long answered = within + later;
        long unanswered = abandoned + noAnswer + busy;
        return new PhoneStats(id, name, departmentId, offered, within, later, unanswered, abandoned, noAnswer, busy,
                ratio(within, offered), ratio(unanswered, offered),
                answered == 0 ? null : answerDelaySum / 1000.0 / answered,
                answered == 0 ? null : answerDelayMax / 1000.0,
                talks == 0 ? null : talkSum / 1000.0 / talks,
                endedForAbuse, outboundAttempts, outboundConnected);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
