package pl.okienko.simulator.phone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.CallEnded;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.CallUnanswered;
import pl.okienko.events.phone.CallbackPromised;
import pl.okienko.events.phone.OutboundCall;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.phone.UnansweredReason;
import pl.okienko.simulator.generator.OfficeDayGenerator;

/**
 * Generates one office's phone day (T1–T4, I2), as its phone system would report it: calls arrive
 * with a morning peak and a lunch dip, two clerks per line answer them after a few rings when free;
 * a caller who hears only ringing hangs up (ABANDONED), the exchange gives up after the plan's ring
 * limit (NO_ANSWER) or refuses a call when three already ring on the line (BUSY). Some numbers are
 * withheld, some callers call again; most missed numbers are called back, some late; now and then
 * a clerk promises a callback (T4) and keeps the promise, or keeps it late; a few calls are ended
 * for abuse (I2).
 *
 * <p>Numbers are written as phone systems write them, in clear: the ingestion API pseudonymises
 * them (the demo does it itself before writing to Kafka). Only the simulator holds them, and they
 * are made up: {@code +48 5xx} numbers from a fixed fictional pool.
 *
 * <p>Events are in time order; the same arguments give the same events, ids included. Callbacks
 * that would fall after closing time are not made (the obligation stays open).
 */
public final class PhoneDay {

    private static final int CLERKS_PER_LINE = 2;
    private static final int MAX_RINGING_PER_LINE = 3;
    private static final Duration RING = Duration.ofSeconds(5);
    private static final Duration T3_DELAY = Duration.ofHours(2);
    private static final Duration T4_GRACE = Duration.ofMinutes(10);
    private static final String SOURCE = "sim-pbx";

    private PhoneDay() {
    }

    /**
     * @param lineIds the office's lines; the first one reports rings, the others only answer times
     * @param label names the day in event and call ids (e.g. 20261120)
     */
    public static List<PhoneEvent> generate(String officeId, List<String> lineIds, Instant opens, Instant closes,
            long seed, PhonePlan plan, String label) {
        Objects.requireNonNull(officeId, "officeId");
        if (lineIds.isEmpty() || !closes.isAfter(opens)) {
            return List.of();
        }
        return new Generator(officeId, lineIds, opens, closes, seed, plan, label).run();
    }

    private static final class Generator extends OfficeDayGenerator<PhoneEvent> {
        final List<String> lineIds;
        final Instant opens;
        final Instant closes;
        final PhonePlan plan;
        final List<String> numbers = new ArrayList<>();
        int sequence;

        Generator(String officeId, List<String> lineIds, Instant opens, Instant closes, long seed, PhonePlan plan,
                String label) {
            super(officeId, seed, label);
            this.lineIds = lineIds;
            this.opens = opens;
            this.closes = closes;
            this.plan = plan;
            for (int i = 0; i < 400; i++) {
                numbers.add(String.format("+48 5%02d %03d %03d", random.nextInt(100), random.nextInt(1000),
                        random.nextInt(1000)));
            }
        }

        List<PhoneEvent> run() {
            for (int line = 0; line < lineIds.size(); line++) {
                simulateLine(lineIds.get(line), line == 0);
            }
            // In time order, each call's own events still in their order within one millisecond.
            return inTimeOrder();
        }

        private void simulateLine(String lineId, boolean reportsRings) {
            long[] clerkFreeAt = new long[CLERKS_PER_LINE];
            List<Long> ringingUntil = new ArrayList<>();
            long t = opens.toEpochMilli();
            long end = closes.toEpochMilli();
            double peak = plan.peakCallsPerHour();
            while (true) {
                // Thinning: candidate arrivals at the peak rate, kept with the share of the rate at that time.
                t += (long) (-Math.log(1 - random.nextDouble()) / peak * 3_600_000);
                if (t >= end) {
                    return;
                }
                if (random.nextDouble() > rate(t) / peak) {
                    continue;
                }
                long offeredAt = t;
                ringingUntil.removeIf(until -> until <= offeredAt);
                String callId = label + "-" + lineId + "-" + (++sequence);
                String number = random.nextDouble() < 0.12 ? null : numbers.get(random.nextInt(numbers.size()));
                emit(offeredAt, new CallOffered(callId, lineId, number));
                if (ringingUntil.size() >= MAX_RINGING_PER_LINE) {
                    emit(offeredAt + 500, new CallUnanswered(callId, UnansweredReason.BUSY));
                    callBack(lineId, number, offeredAt + 500);
                    continue;
                }
                int clerk = clerkFreeAt[0] <= clerkFreeAt[1] ? 0 : 1;
                boolean atLunch = inLunch(offeredAt) && clerk == 1;
                long free = atLunch ? lunchEnd() : Math.max(offeredAt, clerkFreeAt[clerk]);
                long answerAt = free + 2_000 + random.nextInt(12_000);
                long patience = 15_000 + (long) random.nextInt(60_000);
                long giveUp = Math.min(patience, plan.ringLimit().toMillis());
                if (answerAt - offeredAt > giveUp) {
                    long hangUp = offeredAt + giveUp;
                    ringingUntil.add(hangUp);
                    UnansweredReason reason = patience < plan.ringLimit().toMillis()
                            ? UnansweredReason.ABANDONED : UnansweredReason.NO_ANSWER;
                    emit(hangUp, new CallUnanswered(callId, reason));
                    callBack(lineId, number, hangUp);
                    continue;
                }
                ringingUntil.add(answerAt);
                Integer rings = reportsRings ? (int) ((answerAt - offeredAt) / RING.toMillis()) + 1 : null;
                emit(answerAt, new CallAnswered(callId, rings, lineId + "-" + (clerk + 1)));
                long talk = 40_000 + (long) (-Math.log(1 - random.nextDouble()) * 150_000);
                long endedAt = answerAt + talk;
                boolean abuse = random.nextDouble() < 0.01;
                emit(endedAt, new CallEnded(callId, abuse));
                clerkFreeAt[clerk] = endedAt + 20_000;
                if (number != null && !abuse && random.nextDouble() < plan.promiseShare()) {
                    promise(lineId, callId, number, endedAt);
                }
            }
        }

        /** Calls per hour at {@code t}: a base, a morning bell and a lunch dip (T2 by hour of day). */
        private double rate(long t) {
            double sinceOpening = (t - opens.toEpochMilli()) / 60_000.0;
            double peakMinutes = plan.peakAt().toMinutes();
            double bell = Math.exp(-Math.pow((sinceOpening - peakMinutes) / (peakMinutes * 0.8 + 1), 2));
            double base = 0.35 + 0.65 * bell;
            return plan.peakCallsPerHour() * (inLunch(t) ? base * 0.6 : base);
        }

        private boolean inLunch(long t) {
            long start = opens.toEpochMilli() + plan.lunchAt().toMillis();
            return t >= start && t < lunchEnd();
        }

        private long lunchEnd() {
            return opens.toEpochMilli() + plan.lunchAt().toMillis() + plan.lunchLength().toMillis();
        }

        /** T3: most missed numbers are called back, some late, some never. */
        private void callBack(String lineId, String number, long missedAt) {
            if (number == null || random.nextDouble() < 0.1) {
                return;
            }
            long window = Math.min(T3_DELAY.toMillis(), plan.promiseLeadMax().toMillis() * 2);
            long after = random.nextDouble() < plan.lateShare()
                    ? window + 60_000 + random.nextInt((int) Math.max(1, window / 2))
                    : 30_000 + (long) (random.nextDouble() * (window - 60_000));
            outbound(lineId, number, missedAt + after);
        }

        /** T4: a promise at the end of a call, kept on time or late. */
        private void promise(String lineId, String callId, String number, long at) {
            long span = plan.promiseLeadMax().toMillis() - plan.promiseLeadMin().toMillis();
            long agreed = at + plan.promiseLeadMin().toMillis() + (long) (random.nextDouble() * span);
            agreed -= agreed % 60_000;
            if (agreed <= at) {
                agreed += 60_000;
            }
            String callbackId = callId + "-cb";
            emit(at, new CallbackPromised(callbackId, callId, number, Instant.ofEpochMilli(agreed)));
            long callAt = random.nextDouble() < plan.lateShare()
                    ? agreed + T4_GRACE.toMillis() + 60_000 + random.nextInt(600_000)
                    : agreed - 120_000 + random.nextInt(240_000);
            outbound(lineId, number, Math.max(at + 1_000, callAt));
        }

        private void outbound(String lineId, String number, long at) {
            if (at >= closes.toEpochMilli()) {
                return;
            }
            emit(at, new OutboundCall(label + "-out-" + (++sequence), lineId, number, random.nextDouble() < 0.7));
        }

        private void emit(long at, Object payload) {
            emit(Instant.ofEpochMilli(at), payload);
        }

        @Override
        protected PhoneEvent envelope(int number, Instant at, Object payload) {
            return new PhoneEvent("ph-" + officeId + "-" + label + "-" + number, officeId, at, SOURCE, payload);
        }

        @Override
        protected Instant occurredAt(PhoneEvent event) {
            return event.getOccurredAt();
        }
    }
}
