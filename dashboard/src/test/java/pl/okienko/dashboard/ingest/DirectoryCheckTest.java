package pl.okienko.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.schemas.EventContract;
import pl.okienko.schemas.EventJson;
import pl.okienko.simulator.DayPlan;
import pl.okienko.simulator.Days;
import pl.okienko.simulator.OfficeDay;
import pl.okienko.simulator.SampleOffices;
import pl.okienko.simulator.correspondence.CorrespondenceTraffic;
import pl.okienko.simulator.incidents.IncidentDay;
import pl.okienko.simulator.phone.PhoneDay;
import pl.okienko.simulator.phone.PhonePlan;

class DirectoryCheckTest {

    private static final String TOWN = SampleOffices.TOWN;

    private final Map<String, Office> offices = new HashMap<>();
    private final Map<String, Policy> policies = new HashMap<>();
    private int officeLookups;

    private final DirectoryCheck.Directory directory = new DirectoryCheck.Directory() {
        @Override
        public Office office(String officeId) {
            officeLookups++;
            return offices.get(officeId);
        }

        @Override
        public Policy officePolicy(String officeId) {
            return policies.get(officeId);
        }
    };

    DirectoryCheckTest() {
        SampleOffices.all().forEach(office -> offices.put(office.getOfficeId(), office));
    }

    private static String event(String office, String type, String fields) {
        return "{\"eventId\":\"e-" + type + "\",\"type\":\"" + type + "\",\"officeId\":\"" + office
                + "\",\"occurredAt\":\"2026-11-23T09:00:00+01:00\",\"source\":\"test\"," + fields + "}";
    }

    /** The lines of the batch the directory check refuses. */
    private List<Integer> refusedLines(String... lines) {
        return check(lines).stream().map(EventBatch.LineError::line).toList();
    }

    private List<EventBatch.LineError> check(String... lines) {
        EventBatch batch = EventBatch.ofNdjson(String.join("\n", lines), Instant.now());
        assertThat(batch.errors()).as("the test's events are valid").isEmpty();
        return DirectoryCheck.problems(batch, directory);
    }

    private void allowAutoRegistration(String officeId, Boolean allowed) {
        policies.put(officeId, Policy.newBuilder().setOfficeId(officeId).setScope(PolicyScope.OFFICE)
                .setAutoRegisterUnits(allowed).build());
    }

    @Test
    void shouldRefuseAnEventForAnOfficeNotInTheDirectoryNamingIt() {
        List<EventBatch.LineError> errors = check(
                event(TOWN, "ticket_issued", "\"ticketId\":\"A1\",\"queueId\":\"A\""),
                event("NOPE", "ticket_issued", "\"ticketId\":\"A2\",\"queueId\":\"A\""));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).startsWith("office NOPE is not in the directory");
        });
    }

    @Test
    void shouldRefuseAnEventNamingAQueueItsOfficeDoesNotListEvenWhenThePolicyLeavesTheSwitchUnset() {
        allowAutoRegistration(TOWN, null);

        List<EventBatch.LineError> errors = check(event(TOWN, "ticket_issued", "\"ticketId\":\"Z1\",\"queueId\":\"Z\""));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).isEqualTo("queue Z is not in the directory of office UM-JED: register it, "
                    + "or set autoRegisterUnits in the office's policy");
        });
    }

    @Test
    void shouldNameEveryUnlistedQueueDeskLineAndMailboxOnItsLine() {
        List<EventBatch.LineError> errors = check(
                event(TOWN, "ticket_transferred", "\"ticketId\":\"A1\",\"toQueueId\":\"Y\""),
                event(TOWN, "desk_opened", "\"deskId\":\"D99\",\"queueIds\":[\"A\",\"X\"]"),
                event(TOWN, "ticket_called", "\"ticketId\":\"A1\",\"deskId\":\"D98\""),
                event(TOWN, "service_started", "\"ticketId\":\"A1\",\"deskId\":\"D97\""),
                event(TOWN, "desk_closed", "\"deskId\":\"D96\""),
                event(TOWN, "call_offered", "\"callId\":\"c1\",\"lineId\":\"L1\""),
                event(TOWN, "outbound_call", "\"callId\":\"o1\",\"lineId\":\"L2\",\"calleeNumber\":\"501222333\",\"connected\":true"),
                event(TOWN, "email_received", "\"messageId\":\"m1\",\"mailboxId\":\"sekretariat\",\"senderAddress\":\"a@example.pl\""));

        assertThat(errors).extracting(EventBatch.LineError::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(errors).extracting(error -> error.message().substring(0, error.message().indexOf(" not in")))
                .containsExactly("queue Y is", "desk D99, queue X are", "desk D98 is", "desk D97 is", "desk D96 is",
                        "phone line L1 is", "phone line L2 is", "mailbox sekretariat is");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ticket_issued   | "ticketId":"A1","queueId":"A"
            desk_opened     | "deskId":"D01","queueIds":["A","B"]
            service_started | "ticketId":"A1"
            outbound_call   | "callId":"o1","calleeNumber":"501222333","connected":false
            call_offered    | "callId":"c1","lineId":"L-CENTRALA"
            email_received  | "messageId":"m1","mailboxId":"M-USC","senderAddress":"a@example.pl"
            service_ended   | "ticketId":"A1","outcome":"RESOLVED"
            """)
    void shouldAcceptAnEventNamingListedUnitsOrNoUnitAtAll(String type, String fields) {
        assertThat(check(event(TOWN, type, fields))).isEmpty();
    }

    @Test
    void shouldAcceptUnlistedUnitsOfAnOfficeWhosePolicyAllowsRegisteringThemAutomatically() {
        allowAutoRegistration(TOWN, true);

        assertThat(refusedLines(
                event(TOWN, "ticket_issued", "\"ticketId\":\"Z1\",\"queueId\":\"Z\""),
                event(TOWN, "call_offered", "\"callId\":\"c1\",\"lineId\":\"L1\""),
                event("NOPE", "ticket_issued", "\"ticketId\":\"Z2\",\"queueId\":\"Z\""))).containsExactly(3);
    }

    @Test
    void shouldNotCheckAKindOfUnitTheOfficeListsNoneOf() {
        Office office = Office.newBuilder(offices.get(TOWN)).setDesks(List.<Desk>of()).setPhoneLines(List.<PhoneLine>of()).build();
        offices.put(TOWN, office);

        assertThat(refusedLines(
                event(TOWN, "ticket_called", "\"ticketId\":\"A1\",\"deskId\":\"S1\""),
                event(TOWN, "call_offered", "\"callId\":\"c1\",\"lineId\":\"L1\""),
                event(TOWN, "ticket_issued", "\"ticketId\":\"Z1\",\"queueId\":\"Z\""))).containsExactly(3);
    }

    @Test
    void shouldCheckIncidentEventsForTheirOfficeOnlySoThatAPanicButtonAtAnUnlistedDeskStillCounts() {
        assertThat(refusedLines(
                event(TOWN, "panic_button", "\"incidentId\":\"p1\",\"deskId\":\"S1\""),
                event(TOWN, "incident_reported", "\"incidentId\":\"i1\",\"deskId\":\"S2\",\"level\":3,\"channel\":\"IN_PERSON\""),
                event("NOPE", "panic_button", "\"incidentId\":\"p2\",\"deskId\":\"D01\""))).containsExactly(3);
    }

    @Test
    void shouldLookEachOfficeUpOnceForAWholeBatch() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            lines.add(event(i % 2 == 0 ? TOWN : "NOPE", "ticket_issued", "\"ticketId\":\"T" + i + "\",\"queueId\":\"A\""));
        }

        List<EventBatch.LineError> errors = check(lines.toArray(String[]::new));

        assertThat(errors).hasSize(500);
        assertThat(officeLookups).isEqualTo(2);
    }

    @Test
    void shouldCutAnOverlongIdInTheMessage() {
        String queueId = "Q".repeat(EventContract.MAX_ID_CHARS);

        List<EventBatch.LineError> errors = check(event(TOWN, "ticket_issued", "\"ticketId\":\"A1\",\"queueId\":\"" + queueId + "\""));

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message())
                .startsWith("queue " + "Q".repeat(DirectoryCheck.QUOTED_ID_LIMIT) + "… is not").hasSizeLessThan(200));
    }

    @Test
    void shouldAcceptEveryEventOfTheDemoAndOfASimulatedDayAgainstTheSampleOffices() {
        Instant start = Instant.parse("2026-11-23T08:00:00Z");
        Duration length = Duration.ofMinutes(60);
        List<SpecificRecord> events = new ArrayList<>(Days.generate(LocalDate.of(2026, 11, 23), SampleOffices.all(), 7, 1.0));
        for (Office office : SampleOffices.all()) {
            String label = "demo-" + office.getOfficeId();
            events.addAll(OfficeDay.generate(office, start, length, 11, DayPlan.demo().withLabel(label)));
            events.addAll(PhoneDay.generate(office.getOfficeId(), office.getPhoneLines().stream().map(PhoneLine::getLineId).toList(),
                    start, start.plus(length), 13, PhonePlan.demo(), label));
            events.addAll(IncidentDay.generate(office.getOfficeId(), office.getDesks().stream().map(Desk::getDeskId).toList(),
                    start, length, 17, label));
            events.addAll(CorrespondenceTraffic.demo(office, start, length, 19, label));
        }
        String ndjson = events.stream().map(EventJson::encodeToString).collect(Collectors.joining("\n"));
        EventBatch batch = EventBatch.ofNdjson(ndjson, Instant.now());

        assertThat(batch.events()).hasSize(events.size());
        assertThat(DirectoryCheck.problems(batch, directory)).isEmpty();
    }
}
