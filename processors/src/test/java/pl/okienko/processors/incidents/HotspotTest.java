package pl.okienko.processors.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HotspotTest {

    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final long MIN = 60_000;

    @Test
    void twoIncidentsWithinTheWindowRaiseOnceAndTheSameIncidentCountsOnce() {
        Hotspot hotspot = Hotspot.fromState(null);
        assertThat(hotspot.add("i1", 0, 2, WINDOW)).isEqualTo(Hotspot.Decision.NONE);
        assertThat(hotspot.add("i1", 5 * MIN, 2, WINDOW)).isEqualTo(Hotspot.Decision.NONE);
        assertThat(hotspot.add("i2", 29 * MIN, 2, WINDOW)).isEqualTo(Hotspot.Decision.RAISE);
        hotspot.raised("h", 29 * MIN);
        assertThat(hotspot.add("i3", 30 * MIN, 2, WINDOW)).isEqualTo(Hotspot.Decision.NONE);
    }

    @Test
    void twoIncidentsThirtyMinutesApartAreNotAHotspot() {
        Hotspot hotspot = Hotspot.fromState(null);
        hotspot.add("i1", 0, 2, WINDOW);
        assertThat(hotspot.add("i2", 30 * MIN, 2, WINDOW)).isEqualTo(Hotspot.Decision.NONE);
    }

    @Test
    void clearsWhenTheWindowHasMovedPastAllButOne() {
        Hotspot hotspot = Hotspot.fromState(null);
        hotspot.add("i1", 0, 2, WINDOW);
        hotspot.add("i2", 10 * MIN, 2, WINDOW);
        hotspot.raised("h", 10 * MIN);
        assertThat(hotspot.expire(30 * MIN - 1, 2, WINDOW)).isEqualTo(Hotspot.Decision.NONE);
        assertThat(hotspot.expire(30 * MIN, 2, WINDOW)).isEqualTo(Hotspot.Decision.CLEAR);
        assertThat(hotspot.toState().getEntries()).extracting(e -> e.getIncidentId()).containsExactly("i2");
    }

    @Test
    void tooFewSinceTheWindowPassedTheIncidentWhoseLeavingMadeThemTooFew() {
        Hotspot hotspot = Hotspot.fromState(null);
        hotspot.add("i3", 20 * MIN, 2, WINDOW);
        hotspot.add("i1", 0, 2, WINDOW);
        hotspot.add("i2", 10 * MIN, 2, WINDOW);
        // three in the window: the second to leave (i2, at 40 min) leaves fewer than two
        assertThat(hotspot.tooFewSince(90 * MIN, 2, WINDOW)).isEqualTo(40 * MIN);
        assertThat(hotspot.tooFewSince(35 * MIN, 2, WINDOW)).isEqualTo(35 * MIN);
        assertThat(hotspot.tooFewSince(90 * MIN, 4, WINDOW)).as("too few already").isEqualTo(90 * MIN);
    }
}
