package pl.okienko.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.desk.DeskOpened;

class DaysTest {

    @Test
    void merges_the_offices_in_time_order_from_their_opening_hour() {
        List<SpecificRecord> day = Days.generate(LocalDate.of(2026, 11, 20), SampleOffices.all(), 42, 1.0);

        assertThat(day).isSortedAccordingTo(Comparator.comparing(Days::occurredAt));
        assertThat(day).extracting(Days::officeId).containsOnly(SampleOffices.TOWN, SampleOffices.COUNTY, SampleOffices.LABOUR);
        // Friday: the town office opens at 7:30, the others at 8:00 (CET, UTC+1).
        assertThat(Days.occurredAt(day.get(0))).isBetween(Instant.parse("2026-11-20T06:30:00Z"), Instant.parse("2026-11-20T06:35:00Z"));
    }

    @Test
    void offices_are_closed_at_the_weekend() {
        assertThat(Days.generate(LocalDate.of(2026, 11, 21), SampleOffices.all(), 42, 1.0)).isEmpty();
    }

    @Test
    void another_date_gives_another_day() {
        List<SpecificRecord> thursday = Days.generate(LocalDate.of(2026, 11, 19), SampleOffices.all(), 42, 1.0);
        List<SpecificRecord> wednesday = Days.generate(LocalDate.of(2026, 11, 18), SampleOffices.all(), 42, 1.0);

        assertThat(thursday.size()).isNotEqualTo(wednesday.size());
    }

    @Test
    void a_larger_scale_makes_a_proportionally_bigger_day_with_cloned_desks_that_still_make_sense() {
        LocalDate date = LocalDate.of(2026, 11, 20);
        List<SpecificRecord> normal = Days.generate(date, SampleOffices.all(), 42, 1.0);
        List<SpecificRecord> big = Days.generate(date, SampleOffices.all(), 42, 4.0);

        assertThat((double) big.size() / normal.size()).isBetween(3.0, 5.0);
        assertThat(big).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DeskEvent.class,
                d -> assertThat(d.getPayload()).isInstanceOfSatisfying(DeskOpened.class,
                        opened -> assertThat(opened.getDeskId()).isEqualTo("D01.4"))));
        Replay replay = Replay.of(big);
        assertThat(replay.violations).isEmpty();
        assertThat(replay.unfinished()).isEmpty();
    }
}
