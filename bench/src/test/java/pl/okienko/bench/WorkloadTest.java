package pl.okienko.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.simulator.Days;
import pl.okienko.simulator.incidents.IncidentDay;
import pl.okienko.simulator.phone.PhoneDays;
import pl.okienko.simulator.phone.PhonePlan;
import pl.okienko.topics.Topics;

class WorkloadTest {

    private static final long SEED = 7;

    private static BenchOptions options(String... argv) {
        CommandLine cli = BenchOptions.commandLine();
        cli.parseArgs(argv);
        return BenchOptions.options(cli, argv);
    }

    @Test
    void shouldHoldEveryFamilyOfTheOfficesDayAsTheSimulatorMakesIt() {
        Workload day = Workload.day(options("--events", "3000", "--offices", "6", "--seed", String.valueOf(SEED), "--no-latency"));
        List<Office> offices = Workload.offices(0, 6);

        List<SpecificRecord> queue = Days.generate(Workload.DAY, offices, SEED, day.scale);
        long tickets = offices.stream().mapToLong(office -> Days.generate(Workload.DAY, List.of(office), SEED, day.scale).stream()
                .filter(e -> e instanceof QueueEvent q && q.getPayload() instanceof TicketIssued).count() / SurveyDay.VISITS_PER_RESPONSE)
                .sum();
        int phone = PhoneDays.generate(Workload.DAY, offices, SEED, PhonePlan.businessDay()).size();
        assertThat(day.count(Family.QUEUE)).isEqualTo(queue.size());
        assertThat(day.count(Family.PHONE)).isEqualTo(phone);
        assertThat(day.count(Family.SURVEYS)).isEqualTo(tickets);
        assertThat(day.count(Family.INCIDENTS)).isEqualTo(offices.stream().mapToInt(office -> IncidentDay.generate(office.getOfficeId(),
                office.getDesks().stream().map(Desk::getDeskId).toList(), opens(office), java.time.Duration.between(opens(office),
                        closes(office)), SEED * 37 + Workload.DAY.toEpochDay(), Workload.DAY.toString()).size()).sum());
        assertThat(day.count(Family.CORRESPONDENCE)).isPositive();
        assertThat(day.size).isEqualTo(day.perTopic.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void shouldGiveEachFamilyItsShareOfTheDay() {
        Workload day = Workload.day(options("--events", "3000", "--offices", "6", "--seed", String.valueOf(SEED), "--no-latency"));

        Map<Family, Double> shares = day.shares();

        assertThat(shares).containsOnlyKeys(Family.events());
        for (Family family : Family.events()) {
            assertThat(shares.get(family)).isEqualTo((double) day.count(family) / day.size);
        }
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(shares.get(Family.QUEUE)).isGreaterThan(shares.get(Family.INCIDENTS));
    }

    @Test
    void shouldKeepTheDayInTimeOrder() {
        Workload day = Workload.day(options("--events", "3000", "--offices", "6"));

        for (int i = 1; i < day.size; i++) {
            assertThat(day.timestamps[i]).isGreaterThanOrEqualTo(day.timestamps[i - 1]);
        }
        assertThat(day.paced).isEmpty();
    }

    @Test
    void shouldPaceTheFirstQueueAndDeskEventsOfADayOfAboutTwelveHundredPerOffice() {
        BenchOptions options = options("--offices", "6", "--rate", "5000", "--warmup-seconds", "0", "--latency-seconds", "10");

        assertThat(Workload.latencyOffices(options)).isEqualTo(72); // 50,000 × 12 / 7 = 85,714 events, 1,200 per office
        assertThat(Workload.latencyOffices(options("--offices", "500"))).isEqualTo(500); // 600,000 events: 500 offices
        Workload day = Workload.latencyDay(options("--offices", "6", "--rate", "10", "--warmup-seconds", "0", "--latency-seconds", "5"));
        assertThat(day.paced).hasSize(50).allSatisfy(e -> assertThat(Workload.topicOf(e))
                .isIn(Topics.QUEUE_EVENTS.name(), Topics.DESK_EVENTS.name()));
        assertThat(day.pacedTimes).hasSize(50);
    }

    @Test
    void shouldKeepTheDaysArrivalScaleInTheScalingCurvesSmallerDay() {
        assertThat(Workload.gridOffices(options())).isEqualTo(56); // 93 offices × 60,000 / 100,000 = 55.8
        assertThat(Workload.gridOffices(options("--events", "1000000", "--offices", "100"))).isEqualTo(12);
    }

    @Test
    void shouldTopUpAFamilyWithFurtherOfficesOfThatFamilyOnly() {
        Workload topUp = Workload.topUp(Family.SURVEYS, 6, 100, 4.0, 4, SEED);

        assertThat(topUp.offices).hasSize(25);
        assertThat(topUp.offices.get(0).getOfficeId()).isEqualTo(Workload.offices(6, 7).get(0).getOfficeId());
        assertThat(topUp.perTopic).containsOnlyKeys(Topics.SURVEY_EVENTS.name());
        assertThat(topUp.size).isEqualTo(100);
    }

    private static java.time.Instant opens(Office office) {
        return at(office, true);
    }

    private static java.time.Instant closes(Office office) {
        return at(office, false);
    }

    private static java.time.Instant at(Office office, boolean opens) {
        var hours = office.getBusinessHours().stream().filter(h -> h.getDayOfWeek() == Workload.DAY.getDayOfWeek().getValue())
                .findFirst().orElseThrow();
        return Workload.DAY.atTime(java.time.LocalTime.parse(opens ? hours.getOpens() : hours.getCloses()))
                .atZone(java.time.ZoneId.of(office.getTimeZone())).toInstant();
    }
}
