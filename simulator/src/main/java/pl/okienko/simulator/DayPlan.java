package pl.okienko.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of one simulated office day: how busy it is and when the rush comes. Load is the
 * arrival rate as a share of what the open desks of a queue can serve, so the same plan gives a
 * small office and a big one comparable queues (rules Q1, Q2).
 *
 * @param scale multiplies the arrivals; above 1.5 every desk is also cloned (D01, D01.2, ...) so
 *     that the office keeps up and a big day looks like many normal ones, not one endless queue
 * @param baseLoad the load outside the rush (below 1: desks keep up)
 * @param peakLoad the extra load at the top of the rush (above 1 together with baseLoad: queues grow)
 * @param peakAt when the rush is at its highest, from the start of the day
 * @param peakWidth how long the rush lasts (standard deviation of its bell)
 * @param openingRush extra load right at opening, fading within minutes: people who waited outside the door
 * @param lastTicketBeforeEnd the ticket machine stops this long before the end; desks serve whoever is still waiting
 * @param deskOpeningSpread desks open within this time of the start
 * @param label names the day in event and ticket ids; null means the local date of the start (20261121)
 */
public record DayPlan(
        double scale,
        double baseLoad,
        double peakLoad,
        Duration peakAt,
        Duration peakWidth,
        double openingRush,
        Duration lastTicketBeforeEnd,
        Duration deskOpeningSpread,
        String label) {

    public DayPlan {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        if (baseLoad < 0 || peakLoad < 0 || openingRush < 0) {
            throw new IllegalArgumentException("loads must not be negative");
        }
        Objects.requireNonNull(peakAt, "peakAt");
        Objects.requireNonNull(peakWidth, "peakWidth");
        Objects.requireNonNull(lastTicketBeforeEnd, "lastTicketBeforeEnd");
        Objects.requireNonNull(deskOpeningSpread, "deskOpeningSpread");
        if (peakWidth.isNegative() || peakWidth.isZero()) {
            throw new IllegalArgumentException("peakWidth must be positive");
        }
    }

    /**
     * An ordinary business day: a morning rush peaking about an hour after opening (the highest
     * arrivals in the first two hours), a quieter afternoon, the ticket machine closing 15 minutes
     * before the office.
     */
    public static DayPlan businessDay() {
        return new DayPlan(1.0, 0.55, 1.1, Duration.ofMinutes(60), Duration.ofMinutes(45), 1.5,
                Duration.ofMinutes(15), Duration.ofSeconds(90), null);
    }

    /**
     * The live demo: the morning rush squeezed into the first minutes, so that a newcomer sees
     * queues build within a minute and an excessive queue (Q2) within about ten.
     */
    public static DayPlan demo() {
        return new DayPlan(1.0, 0.5, 3.5, Duration.ofMinutes(8), Duration.ofMinutes(7), 16.0,
                Duration.ofMinutes(5), Duration.ofSeconds(10), null);
    }

    public DayPlan withScale(double newScale) {
        return new DayPlan(newScale, baseLoad, peakLoad, peakAt, peakWidth, openingRush, lastTicketBeforeEnd, deskOpeningSpread, label);
    }

    public DayPlan withLabel(String newLabel) {
        return new DayPlan(scale, baseLoad, peakLoad, peakAt, peakWidth, openingRush, lastTicketBeforeEnd, deskOpeningSpread, newLabel);
    }
}
