package pl.okienko.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.desk.DeskOpened;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.ServiceOutcome;
import pl.okienko.events.queue.TicketIssued;

class OfficeDayTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    /** A Monday: the longest business day of the sample offices. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Instant EIGHT = MONDAY.atTime(8, 0).atZone(WARSAW).toInstant();
    private static final List<SpecificRecord> DAY = Days.generate(MONDAY, SampleOffices.all(), 42, 1.0);

    @Test
    void the_same_seed_gives_the_same_day_and_another_seed_another_day() {
        Office office = SampleOffices.byId(SampleOffices.TOWN);

        List<SpecificRecord> first = OfficeDay.generate(office, EIGHT, Duration.ofHours(8), 7);
        List<SpecificRecord> again = OfficeDay.generate(office, EIGHT, Duration.ofHours(8), 7);
        List<SpecificRecord> other = OfficeDay.generate(office, EIGHT, Duration.ofHours(8), 8);

        assertThat(first).isNotEmpty().isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void every_event_is_possible_at_its_moment() {
        Replay replay = Replay.of(DAY);

        assertThat(replay.violations).isEmpty();
        assertThat(replay.unfinished()).isEmpty();
        assertThat(replay.desksLeftOpen()).isEmpty();
    }

    @Test
    void events_carry_the_office_id_and_deterministic_ids_from_the_sources() {
        assertThat(DAY).allSatisfy(event -> {
            String eventId = event instanceof QueueEvent q ? q.getEventId() : ((DeskEvent) event).getEventId();
            String source = event instanceof QueueEvent q ? q.getSource() : ((DeskEvent) event).getSource();
            assertThat(eventId).matches("sim-" + Days.officeId(event) + "-20261123-\\d{6}");
            assertThat(source).isIn(DaySimulation.TICKET_MACHINE, DaySimulation.DESK_TERMINAL);
        });
    }

    @Test
    void priority_clients_are_between_five_and_fifteen_percent() {
        Replay replay = Replay.of(DAY);

        assertThat(replay.issued).isGreaterThan(300);
        assertThat((double) replay.priority / replay.issued).isBetween(0.05, 0.15);
    }

    @Test
    void the_morning_brings_more_clients_than_the_end_of_the_day() {
        for (Office office : SampleOffices.all()) {
            List<Instant> arrivals = DAY.stream()
                    .filter(e -> Days.officeId(e).equals(office.getOfficeId()))
                    .filter(e -> e instanceof QueueEvent q && q.getPayload() instanceof TicketIssued)
                    .map(Days::occurredAt)
                    .toList();
            BusinessHours monday = office.getBusinessHours().get(0);
            Instant opens = MONDAY.atTime(LocalTime.parse(monday.getOpens())).atZone(WARSAW).toInstant();
            Instant closes = MONDAY.atTime(LocalTime.parse(monday.getCloses())).atZone(WARSAW).toInstant();
            long firstTwoHours = arrivals.stream().filter(t -> t.isBefore(opens.plus(Duration.ofHours(2)))).count();
            long lastTwoHours = arrivals.stream().filter(t -> t.isAfter(closes.minus(Duration.ofHours(2)))).count();

            assertThat(firstTwoHours).as(office.getOfficeId()).isGreaterThan(lastTwoHours);
        }
    }

    @Test
    void a_default_day_has_bypasses_declines_and_every_kind_of_visit() {
        Replay replay = Replay.of(DAY);

        assertThat(replay.bypasses).isPositive();
        assertThat(replay.declined).isPositive();
        assertThat(replay.recalls).isPositive();
        assertThat(replay.noShows).isPositive();
        assertThat(replay.cancelled).isPositive();
        assertThat(replay.pauses).isPositive();
        assertThat(replay.transfers).isEqualTo(replay.outcomes.get(ServiceOutcome.REDIRECTED));
        int ended = replay.outcomes.values().stream().mapToInt(Integer::intValue).sum();
        assertThat((double) replay.outcomes.get(ServiceOutcome.RESOLVED) / ended).isBetween(0.72, 0.88);
        assertThat((double) replay.outcomes.get(ServiceOutcome.REDIRECTED) / ended).isBetween(0.03, 0.13);
    }

    @Test
    void some_desks_serve_two_queues_and_reserve_desks_open_at_the_rush() {
        Map<String, List<DeskOpened>> openings = DAY.stream()
                .filter(e -> e instanceof DeskEvent d && d.getPayload() instanceof DeskOpened)
                .map(e -> (DeskOpened) ((DeskEvent) e).getPayload())
                .collect(Collectors.groupingBy(DeskOpened::getDeskId));

        assertThat(openings.values()).anySatisfy(desk -> assertThat(desk.get(0).getQueueIds()).hasSize(2));
        assertThat(openings.values()).anySatisfy(desk -> assertThat(desk).hasSizeGreaterThan(1));
    }

    @Test
    void the_rush_makes_a_queue_excessive_somewhere() {
        Replay replay = Replay.of(DAY);

        assertThat(replay.firstExcessive).isNotEmpty();
    }

    @Test
    void the_demo_builds_queues_within_a_minute_and_an_excessive_one_within_about_ten() {
        Instant now = Instant.parse("2026-11-21T14:03:00Z");
        for (long seed = 1; seed <= 3; seed++) {
            List<SpecificRecord> events = new ArrayList<>();
            for (Office office : SampleOffices.all()) {
                events.addAll(OfficeDay.generate(office, now, Duration.ofMinutes(60), seed, DayPlan.demo()));
            }
            Replay replay = Replay.of(events.stream().sorted(Comparator.comparing(Days::occurredAt)).toList());

            long firstMinute = events.stream()
                    .filter(e -> e instanceof QueueEvent q && q.getPayload() instanceof TicketIssued)
                    .filter(e -> Days.occurredAt(e).isBefore(now.plusSeconds(60)))
                    .count();
            assertThat(firstMinute).as("tickets in the first minute, seed %d", seed).isGreaterThanOrEqualTo(5);
            Instant firstExcessive = replay.firstExcessive.values().stream().min(Instant::compareTo).orElseThrow();
            assertThat(firstExcessive).as("first excessive queue, seed %d", seed).isBefore(now.plus(Duration.ofMinutes(12)));
            assertThat(replay.violations).isEmpty();
        }
    }

    @Test
    void an_office_without_queues_has_a_quiet_day() {
        Office empty = new Office("EMPTY", "Empty", null, "Europe/Warsaw", List.of(), "PL", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());

        assertThat(OfficeDay.generate(empty, EIGHT, Duration.ofHours(8), 1)).isEmpty();
    }

    @Test
    void an_office_without_departments_still_serves_every_queue() {
        Office plain = new Office("PLAIN", "Plain", null, "Europe/Warsaw", List.of(), "PL", List.of(), List.of(),
                List.of(new Queue("X", null, "Sprawy różne"), new Queue("Y", null, "Kasa")),
                List.of(new Desk("1", null, null), new Desk("2", null, null)), List.of(), List.of());

        Replay replay = Replay.of(OfficeDay.generate(plain, EIGHT, Duration.ofHours(6), 3));

        assertThat(replay.issued).isPositive();
        assertThat(replay.violations).isEmpty();
        assertThat(replay.unfinished()).isEmpty();
    }

    @Test
    void ticket_numbers_follow_the_queue_letters() {
        Map<String, Long> perQueue = DAY.stream()
                .filter(e -> Days.officeId(e).equals(SampleOffices.TOWN))
                .filter(e -> e instanceof QueueEvent q && q.getPayload() instanceof TicketIssued)
                .map(e -> (TicketIssued) ((QueueEvent) e).getPayload())
                .peek(t -> assertThat(t.getTicketId()).isEqualTo("20261123-" + t.getQueueId() + t.getTicketId().substring(10)))
                .collect(Collectors.groupingBy(TicketIssued::getQueueId, Collectors.counting()));

        assertThat(perQueue).containsOnlyKeys("A", "B", "C", "D");
        assertThat(perQueue.values()).allSatisfy(n -> assertThat(n).isGreaterThan(10));
    }
}
