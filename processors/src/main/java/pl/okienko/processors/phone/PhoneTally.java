package pl.okienko.processors.phone;

import pl.okienko.processors.phone.state.PhoneCounts;

/**
 * Adds up hourly counts (T1, T2, I2) of any set of lines and hours: a line's day, a department, the
 * office, one hour of the day. Sums and counts are exact, so every mean is exact too.
 */
public final class PhoneTally {

    /** The sums, kept as counts of the same form, so adding another tally is adding its counts. */
    private final PhoneCounts sum = PhoneCounts.newBuilder().build();

    public PhoneTally add(PhoneCounts c) {
        if (c == null) {
            return this;
        }
        sum.setOffered(sum.getOffered() + c.getOffered());
        sum.setAnsweredWithinTarget(sum.getAnsweredWithinTarget() + c.getAnsweredWithinTarget());
        sum.setAnsweredLater(sum.getAnsweredLater() + c.getAnsweredLater());
        sum.setAbandoned(sum.getAbandoned() + c.getAbandoned());
        sum.setNoAnswer(sum.getNoAnswer() + c.getNoAnswer());
        sum.setBusy(sum.getBusy() + c.getBusy());
        sum.setAnswerDelaySumMillis(sum.getAnswerDelaySumMillis() + c.getAnswerDelaySumMillis());
        sum.setAnswerDelayMaxMillis(Math.max(sum.getAnswerDelayMaxMillis(), c.getAnswerDelayMaxMillis()));
        sum.setTalks(sum.getTalks() + c.getTalks());
        sum.setTalkSumMillis(sum.getTalkSumMillis() + c.getTalkSumMillis());
        sum.setEndedForAbuse(sum.getEndedForAbuse() + c.getEndedForAbuse());
        sum.setOutboundAttempts(sum.getOutboundAttempts() + c.getOutboundAttempts());
        sum.setOutboundConnected(sum.getOutboundConnected() + c.getOutboundConnected());
        return this;
    }

    public PhoneTally add(PhoneTally t) {
        return add(t.sum);
    }

    public long offered() {
        return sum.getOffered();
    }

    public PhoneStats toStats(String id, String name, String departmentId) {
        PhoneCounts c = sum;
        long within = c.getAnsweredWithinTarget();
        long answered = within + c.getAnsweredLater();
        long unanswered = c.getAbandoned() + c.getNoAnswer() + c.getBusy();
        return new PhoneStats(id, name, departmentId, c.getOffered(), within, c.getAnsweredLater(), unanswered,
                c.getAbandoned(), c.getNoAnswer(), c.getBusy(), ratio(within, c.getOffered()),
                ratio(unanswered, c.getOffered()),
                answered == 0 ? null : c.getAnswerDelaySumMillis() / 1000.0 / answered,
                answered == 0 ? null : c.getAnswerDelayMaxMillis() / 1000.0,
                c.getTalks() == 0 ? null : c.getTalkSumMillis() / 1000.0 / c.getTalks(),
                c.getEndedForAbuse(), c.getOutboundAttempts(), c.getOutboundConnected());
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
