package pl.okienko.simulator.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pl.okienko.alerts.Alert;
import pl.okienko.directory.Office;
import pl.okienko.events.complaint.ComplaintAnswered;
import pl.okienko.events.complaint.ComplaintEvent;
import pl.okienko.events.complaint.ComplaintExtended;
import pl.okienko.events.complaint.ComplaintKind;
import pl.okienko.events.complaint.ComplaintRegistered;
import pl.okienko.events.email.EmailClosed;
import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.email.EmailReplied;
import pl.okienko.events.email.HoldingReplySent;
import pl.okienko.events.email.ReadReceiptSent;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.common.StreamsSettings;
import pl.okienko.processors.correspondence.ComplaintFigures;
import pl.okienko.processors.correspondence.CorrespondenceConfig;
import pl.okienko.processors.correspondence.CorrespondenceTopology;
import pl.okienko.processors.correspondence.CorrespondenceViews;
import pl.okienko.processors.correspondence.EmailFigures;
import pl.okienko.simulator.SampleOffices;
import pl.okienko.topics.Topics;

/**
 * Acceptance of E1, E2 and C1 on a replay: three months of a sample office's mailboxes and register
 * (across the spring daylight-saving change, Easter and month ends), run through the real topology,
 * give for every day exactly the figures a plain ledger of the same events computes here, with its
 * own rules and its own list of 2026 holidays.
 */
class CorrespondenceReplayTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 5);
    private static final LocalDate TO = LocalDate.of(2026, 4, 6);
    /** After every generated event, so the whole history is in the past. */
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    private static final Set<LocalDate> HOLIDAYS_2026 = Set.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 6),
            LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 3),
            LocalDate.of(2026, 5, 24), LocalDate.of(2026, 6, 4), LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 11), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 26));

    @TempDir
    Path stateDir;

    @Test
    void shouldGiveEveryDaysFiguresOfThreeMonthsExactlyAsALedgerOfTheSameEvents() {
        Office office = SampleOffices.byId(SampleOffices.TOWN);
        List<SpecificRecord> events = CorrespondenceTraffic.history(office, FROM, TO, 7);

        Map<LocalDate, Expected> expectedEmail = new HashMap<>();
        Map<LocalDate, ExpectedComplaints> expectedComplaints = new HashMap<>();
        ledger(events, expectedEmail, expectedComplaints);

        try (TopologyTestDriver driver = new TopologyTestDriver(
                CorrespondenceTopology.build(CorrespondenceConfig.defaults()),
                StreamsSettings.properties("okienko-correspondence-replay", "dummy:9092", stateDir, Map.of()), NOW)) {
            driver.createInputTopic(Topics.OFFICES.name(), Serdes.String().serializer(),
                    Topics.OFFICES.valueSerde().serializer()).pipeInput(office.getOfficeId(), office);
            TestInputTopic<String, EmailEvent> email = driver.createInputTopic(Topics.EMAIL_EVENTS.name(),
                    Serdes.String().serializer(), Topics.EMAIL_EVENTS.valueSerde().serializer());
            TestInputTopic<String, ComplaintEvent> register = driver.createInputTopic(Topics.COMPLAINT_EVENTS.name(),
                    Serdes.String().serializer(), Topics.COMPLAINT_EVENTS.valueSerde().serializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                    Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            for (SpecificRecord event : events) {
                if (event instanceof EmailEvent e) {
                    email.pipeInput(e.getOfficeId(), e, e.getOccurredAt());
                } else if (event instanceof ComplaintEvent c) {
                    register.pipeInput(c.getOfficeId(), c, c.getOccurredAt());
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(2));
            CorrespondenceViews views = new CorrespondenceViews(access(driver));

            int days = 0;
            for (LocalDate day = FROM; day.isBefore(TO); day = day.plusDays(1)) {
                EmailFigures e = views.emailDay(office.getOfficeId(), day, NOW).orElseThrow().office();
                assertThat(new Expected(e.received(), e.repliedWithinTarget(), e.holdingWithinTarget(),
                        e.respondedLate(), e.withHoldingReply(), e.answeredOnTime(), e.answeredLate(),
                        e.closedWithoutReply(), e.readReceipts().requested(), e.readReceipts().withinTarget(),
                        e.readReceipts().late(), e.open()))
                        .as("e-mail on %s", day).isEqualTo(expectedEmail.getOrDefault(day, new Expected()));
                ComplaintFigures c = views.complaintsDay(office.getOfficeId(), day, NOW).orElseThrow().office();
                assertThat(new ExpectedComplaints(c.registered(), c.complaints(), c.requests(), c.answeredOnTime(),
                        c.answeredLate(), c.extended(), c.extensionsWithNotice(), c.extensionsWithoutNotice(), c.open()))
                        .as("complaints on %s", day)
                        .isEqualTo(expectedComplaints.getOrDefault(day, new ExpectedComplaints()));
                days++;
            }
            assertThat(days).isEqualTo(91);
            // every deadline of this history passed months before NOW: views only, no alerts about the past
            assertThat(alerts.isEmpty()).isTrue();
        }
        // the traffic is what the issue asks for: a Monday peak, holding replies, some late, complaints trickling
        assertThat(expectedEmail.get(LocalDate.of(2026, 1, 12)).received)
                .isGreaterThan(expectedEmail.get(LocalDate.of(2026, 1, 17)).received);
        long holding = expectedEmail.values().stream().mapToLong(x -> x.withHoldingReply).sum();
        long late = expectedEmail.values().stream().mapToLong(x -> x.respondedLate).sum();
        long received = expectedEmail.values().stream().mapToLong(x -> x.received).sum();
        assertThat(holding).isBetween(received / 20, received / 5);
        assertThat(late).isBetween(received / 30, received / 5);
        assertThat(expectedComplaints.values().stream().mapToLong(x -> x.registered).sum()).isBetween(10L, 40L);
    }

    /** The figures the test expects, computed from the events with rules E1 and E2 (docs/standards.md). */
    private record Expected(long received, long repliedWithinTarget, long holdingWithinTarget, long respondedLate,
            long withHoldingReply, long answeredOnTime, long answeredLate, long closedWithoutReply,
            long readReceiptsRequested, long readReceiptsWithinTarget, long readReceiptsLate, long open) {
        Expected() {
            this(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    private record ExpectedComplaints(long registered, long complaints, long requests, long answeredOnTime,
            long answeredLate, long extended, long withNotice, long withoutNotice, long open) {
        ExpectedComplaints() {
            this(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    private static final class Mail {
        Instant received;
        boolean readReceiptRequested;
        Instant readReceipt;
        final List<Instant[]> holdings = new ArrayList<>();
        Instant reply;
        Instant closed;
    }

    private static final class Item {
        Instant registered;
        ComplaintKind kind;
        Instant due;
        boolean breached;
        int withNotice;
        int withoutNotice;
        Instant answered;
    }

    private static void ledger(List<SpecificRecord> events, Map<LocalDate, Expected> email,
            Map<LocalDate, ExpectedComplaints> complaints) {
        Map<String, Mail> mails = new LinkedHashMap<>();
        Map<String, Item> items = new LinkedHashMap<>();
        for (SpecificRecord event : events) {
            if (event instanceof EmailEvent e) {
                Object p = e.getPayload();
                Instant at = e.getOccurredAt();
                if (p instanceof EmailReceived r) {
                    Mail m = mails.computeIfAbsent(r.getMessageId(), k -> new Mail());
                    m.received = at;
                    m.readReceiptRequested = r.getReadReceiptRequested();
                } else if (p instanceof ReadReceiptSent r) {
                    mails.get(r.getMessageId()).readReceipt = at;
                } else if (p instanceof HoldingReplySent h) {
                    mails.get(h.getMessageId()).holdings.add(new Instant[] {at, h.getPromisedBy()});
                } else if (p instanceof EmailReplied r) {
                    mails.get(r.getMessageId()).reply = at;
                } else if (p instanceof EmailClosed c) {
                    mails.get(c.getMessageId()).closed = at;
                }
            } else if (event instanceof ComplaintEvent c) {
                Object p = c.getPayload();
                Instant at = c.getOccurredAt();
                if (p instanceof ComplaintRegistered r) {
                    Item item = new Item();
                    item.registered = at;
                    item.kind = r.getKind();
                    item.due = r.getDueAt() != null ? r.getDueAt() : kpaMonth(at);
                    items.put(r.getComplaintId(), item);
                } else if (p instanceof ComplaintExtended x) {
                    Item item = items.get(x.getComplaintId());
                    item.breached |= at.isAfter(item.due);
                    if (x.getNotified()) {
                        item.withNotice++;
                        item.due = x.getNewDueAt();
                    } else {
                        item.withoutNotice++;
                    }
                } else if (p instanceof ComplaintAnswered a) {
                    items.get(a.getComplaintId()).answered = at;
                }
            }
        }
        for (Mail m : mails.values()) {
            Instant due = m.received.plus(Duration.ofHours(24));
            Instant firstHolding = m.holdings.isEmpty() ? null : m.holdings.get(0)[0];
            Instant first = firstHolding == null ? m.reply
                    : m.reply == null || firstHolding.isBefore(m.reply) ? firstHolding : m.reply;
            boolean holdingFirst = first != null && first.equals(firstHolding) && (m.reply == null || firstHolding.isBefore(m.reply));
            Instant inForce = due;
            boolean broken = false;
            for (Instant[] h : m.holdings) {
                broken |= inForce != due && h[0].isAfter(inForce);
                inForce = h[1];
            }
            boolean onTime = m.reply != null && !m.reply.isAfter(inForce) && !broken;
            Duration receipt = m.readReceipt == null ? null : Duration.between(m.received, m.readReceipt);
            Expected add = new Expected(1,
                    first != null && !first.isAfter(due) && !holdingFirst ? 1 : 0,
                    first != null && !first.isAfter(due) && holdingFirst ? 1 : 0,
                    first != null && first.isAfter(due) ? 1 : 0,
                    m.holdings.isEmpty() ? 0 : 1,
                    onTime ? 1 : 0,
                    m.reply != null && !onTime ? 1 : 0,
                    m.closed != null && m.reply == null ? 1 : 0,
                    m.readReceiptRequested ? 1 : 0,
                    m.readReceiptRequested && receipt != null && receipt.compareTo(Duration.ofMinutes(10)) <= 0 ? 1 : 0,
                    m.readReceiptRequested && receipt != null && receipt.compareTo(Duration.ofMinutes(10)) > 0 ? 1 : 0,
                    m.reply == null && m.closed == null ? 1 : 0);
            email.merge(m.received.atZone(WARSAW).toLocalDate(), add, CorrespondenceReplayTest::sum);
        }
        for (Item item : items.values()) {
            boolean onTime = item.answered != null && !item.answered.isAfter(item.due) && !item.breached;
            ExpectedComplaints add = new ExpectedComplaints(1, item.kind == ComplaintKind.COMPLAINT ? 1 : 0,
                    item.kind == ComplaintKind.REQUEST ? 1 : 0, onTime ? 1 : 0, item.answered != null && !onTime ? 1 : 0,
                    item.withNotice + item.withoutNotice > 0 ? 1 : 0, item.withNotice, item.withoutNotice,
                    item.answered == null ? 1 : 0);
            complaints.merge(item.registered.atZone(WARSAW).toLocalDate(), add, (a, b) -> new ExpectedComplaints(
                    a.registered + b.registered, a.complaints + b.complaints, a.requests + b.requests,
                    a.answeredOnTime + b.answeredOnTime, a.answeredLate + b.answeredLate, a.extended + b.extended,
                    a.withNotice + b.withNotice, a.withoutNotice + b.withoutNotice, a.open + b.open));
        }
    }

    /** One month on (LocalDate clamps 31 January to the end of February), past weekends and holidays, end of day. */
    private static Instant kpaMonth(Instant registered) {
        LocalDate due = registered.atZone(WARSAW).toLocalDate().plusMonths(1);
        while (due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY
                || HOLIDAYS_2026.contains(due)) {
            due = due.plusDays(1);
        }
        return due.plusDays(1).atStartOfDay(WARSAW).toInstant().minusMillis(1);
    }

    private static Expected sum(Expected a, Expected b) {
        return new Expected(a.received + b.received, a.repliedWithinTarget + b.repliedWithinTarget,
                a.holdingWithinTarget + b.holdingWithinTarget, a.respondedLate + b.respondedLate,
                a.withHoldingReply + b.withHoldingReply, a.answeredOnTime + b.answeredOnTime,
                a.answeredLate + b.answeredLate, a.closedWithoutReply + b.closedWithoutReply,
                a.readReceiptsRequested + b.readReceiptsRequested, a.readReceiptsWithinTarget + b.readReceiptsWithinTarget,
                a.readReceiptsLate + b.readReceiptsLate, a.open + b.open);
    }

    private static StoreAccess access(TopologyTestDriver driver) {
        return new StoreAccess() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
                return (ReadOnlyKeyValueStore<K, V>) driver.getKeyValueStore(name);
            }
        };
    }
}
