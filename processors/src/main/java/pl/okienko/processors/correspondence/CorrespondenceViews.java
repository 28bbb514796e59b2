package pl.okienko.processors.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.processors.common.Keys;
import pl.okienko.processors.common.StoreAccess;
import pl.okienko.processors.correspondence.state.ComplaintDayState;
import pl.okienko.processors.correspondence.state.ComplaintState;
import pl.okienko.processors.correspondence.state.EmailDayState;
import pl.okienko.processors.correspondence.state.EmailState;
import pl.okienko.processors.directory.DirectoryStores;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.period.DayEntries;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.processors.period.PeriodView;
import pl.okienko.processors.stats.DurationSketch;

/**
 * The e-mail (E1, E2) and complaint (C1, E3) views read from the correspondence topology's stores.
 * A day's figures are about the items that came in that office-local day (received, registered),
 * as their clocks stand at {@code now}: an e-mail received on Monday and answered late on Wednesday
 * counts as late in Monday's figures. Open and overdue are evaluated at {@code now}.
 */
public final class CorrespondenceViews {

    private final StoreAccess stores;

    public CorrespondenceViews(StoreAccess stores) {
        this.stores = stores;
    }

    /** Live: today's figures and every open e-mail; empty when the office is unknown and has no e-mail. */
    public Optional<OfficeEmailView> email(String officeId, Instant now) {
        return email(officeId, null, now);
    }

    /** The e-mails received on {@code date} (office-local), as they stand at {@code now}. */
    public Optional<OfficeEmailView> emailDay(String officeId, LocalDate date, Instant now) {
        return email(officeId, Period.day(date), now);
    }

    /**
     * The e-mails received in a period (E1, E2), and per day, ISO week or month with a granularity, as they stand at
     * {@code now}: the days' counters added, so each rate is of the summed counts; each figure's {@code date} is its
     * first day, its lists the open e-mails received in it.
     */
    public Optional<PeriodView<OfficeEmailView>> emailPeriod(String officeId, Period period, Granularity granularity,
            Instant now) {
        return PeriodView.of(period, granularity, part -> email(officeId, part, now));
    }

    /** Live: today's figures and every open item; empty when the office is unknown and has no item. */
    public Optional<OfficeComplaintsView> complaints(String officeId, Instant now) {
        return complaints(officeId, null, now);
    }

    /** The items registered on {@code date} (office-local), as they stand at {@code now}. */
    public Optional<OfficeComplaintsView> complaintsDay(String officeId, LocalDate date, Instant now) {
        return complaints(officeId, Period.day(date), now);
    }

    /**
     * The items registered in a period (C1, E3), and per day, ISO week or month with a granularity, as they stand at
     * {@code now}: the days' counters added; each figure's {@code date} is its first day.
     */
    public Optional<PeriodView<OfficeComplaintsView>> complaintsPeriod(String officeId, Period period,
            Granularity granularity, Instant now) {
        return PeriodView.of(period, granularity, part -> complaints(officeId, part, now));
    }

    private Optional<OfficeEmailView> email(String officeId, Period requested, Instant now) {
        ViewDay day = viewDay(officeId, requested, now);
        OfficeInfo office = day.office();
        long nowMillis = day.nowMillis();

        Map<String, EmailParts> byMailbox = new LinkedHashMap<>();
        office.mailboxes().forEach(m -> byMailbox.put(m.getMailboxId(), new EmailParts()));
        ReadOnlyKeyValueStore<String, EmailDayState> days = stores.keyValueStore(EmailStore.STATS_BY_DAY);
        DayEntries.byDayPrefix(days, officeId, day.period()).forEach(day.period(),
                (key, counts) -> byMailbox.computeIfAbsent(Keys.part(key, 2), k -> new EmailParts()).add(counts));

        List<EmailItem> open = new ArrayList<>();
        ReadOnlyKeyValueStore<String, EmailState> emails = stores.keyValueStore(EmailStore.MESSAGES);
        boolean anyEmail = day.openItems(emails, EmailClock::new, (clock, ofDate) -> {
            if (ofDate) {
                byMailbox.computeIfAbsent(clock.state().getMailboxId(), k -> new EmailParts())
                        .addOpen(clock, nowMillis);
            }
            open.add(emailItem(office, clock, nowMillis));
        });
        if (!office.known() && !anyEmail && byMailbox.isEmpty()) {
            return Optional.empty();
        }

        List<EmailFigures> mailboxes = new ArrayList<>();
        Map<String, EmailParts> byDepartment = new LinkedHashMap<>();
        EmailParts total = new EmailParts();
        byMailbox.forEach((mailboxId, parts) -> {
            mailboxes.add(parts.figures(mailboxId, office.mailboxes().nameOf(mailboxId)));
            String department = office.mailboxes().departmentOf(mailboxId);
            if (department != null) {
                byDepartment.computeIfAbsent(department, k -> new EmailParts()).merge(parts);
            }
            total.merge(parts);
        });
        List<EmailFigures> departments = byDepartment.entrySet().stream()
                .map(e -> e.getValue().figures(e.getKey(), office.departmentName(e.getKey()))).toList();
        open.sort(Comparator.comparing(EmailItem::overdue).reversed().thenComparing(EmailItem::dueAt)
                .thenComparing(EmailItem::messageId));
        return Optional.of(new OfficeEmailView(day.heading(now), total.figures(officeId, office.name()), departments,
                mailboxes, open, open.stream().filter(EmailItem::overdue).toList()));
    }

    private static EmailItem emailItem(OfficeInfo office, EmailClock clock, long now) {
        EmailState s = clock.state();
        long due = clock.dueAt();
        return new EmailItem(s.getMessageId(), s.getMailboxId(), office.mailboxes().nameOf(s.getMailboxId()),
                office.mailboxes().departmentOf(s.getMailboxId()), Instant.ofEpochMilli(s.getReceivedAt()),
                Instant.ofEpochMilli(due), Math.floorDiv(due - now, 1000), clock.overdue(now),
                s.getFirstResponseAt() != null, s.getHoldingReplies(), clock.readReceiptPending());
    }

    private Optional<OfficeComplaintsView> complaints(String officeId, Period requested, Instant now) {
        ViewDay day = viewDay(officeId, requested, now);
        OfficeInfo office = day.office();
        ZoneId zone = office.zone();
        long nowMillis = day.nowMillis();
        ReadOnlyKeyValueStore<String, Policy> policies = stores.keyValueStore(DirectoryStores.POLICIES);

        // "" stands for items registered without a department.
        Map<String, ComplaintParts> byDepartment = new LinkedHashMap<>();
        ReadOnlyKeyValueStore<String, ComplaintDayState> days = stores.keyValueStore(ComplaintStore.STATS_BY_DAY);
        DayEntries.byDayPrefix(days, officeId, day.period()).forEach(day.period(),
                (key, counts) -> byDepartment.computeIfAbsent(Keys.part(key, 2), k -> new ComplaintParts())
                        .add(counts));

        List<ComplaintItem> open = new ArrayList<>();
        ReadOnlyKeyValueStore<String, ComplaintState> register = stores.keyValueStore(ComplaintStore.REGISTER);
        boolean anyItem = day.openItems(register, ComplaintDeadline::new, (item, ofDate) -> {
            ComplaintState s = item.state();
            int soonDays = office.departmentPolicy(policies, s.getDepartmentId()).complaintDueSoonDays();
            if (ofDate) {
                byDepartment.computeIfAbsent(s.getDepartmentId() == null ? "" : s.getDepartmentId(),
                        k -> new ComplaintParts())
                        .addOpen(item.overdue(nowMillis), item.dueSoon(nowMillis, zone, soonDays));
            }
            long due = item.dueAt();
            open.add(new ComplaintItem(s.getComplaintId(), s.getRegisterNumber(), s.getKind(),
                    s.getDepartmentId(), office.departmentName(s.getDepartmentId()),
                    Instant.ofEpochMilli(s.getRegisteredAt()), Instant.ofEpochMilli(due),
                    Instant.ofEpochMilli(s.getOriginalDueAt()), Math.floorDiv(due - nowMillis, 1000),
                    item.dueSoon(nowMillis, zone, soonDays), item.overdue(nowMillis),
                    s.getExtensionsWithNotice(), s.getExtensionsWithoutNotice()));
        });
        if (!office.known() && !anyItem && byDepartment.isEmpty()) {
            return Optional.empty();
        }

        ComplaintParts total = new ComplaintParts();
        byDepartment.values().forEach(total::merge);
        List<ComplaintFigures> departments = new ArrayList<>();
        for (Department d : departmentsOf(officeId)) {
            departments.add(byDepartment.getOrDefault(d.getDepartmentId(), new ComplaintParts())
                    .figures(d.getDepartmentId(), d.getName()));
        }
        byDepartment.forEach((id, parts) -> {
            if (!id.isEmpty() && departments.stream().noneMatch(f -> f.id().equals(id))) {
                departments.add(parts.figures(id, office.departmentName(id)));
            }
        });
        open.sort(Comparator.comparing(ComplaintItem::overdue).reversed().thenComparing(ComplaintItem::dueAt)
                .thenComparing(ComplaintItem::complaintId));
        return Optional.of(new OfficeComplaintsView(day.heading(now), total.figures(officeId, office.name()), departments,
                open, open.stream().filter(ComplaintItem::overdue).toList()));
    }

    private ViewDay viewDay(String officeId, Period requested, Instant now) {
        OfficeInfo office = OfficeInfo.lookup(stores.keyValueStore(DirectoryStores.OFFICES), officeId);
        boolean live = requested == null;
        return new ViewDay(officeId, office, live,
                live ? Period.day(now.atZone(office.zone()).toLocalDate()) : requested, now.toEpochMilli());
    }

    /**
     * What a view is of: the office, its days (today when live, office-local) and the instant it stands at.
     */
    private record ViewDay(String officeId, OfficeInfo office, boolean live, Period period, long nowMillis) {

        /** The view's heading, as it stands at {@code now}. */
        DayHeading heading(Instant now) {
            return new DayHeading(officeId, office.name(), office.zone().getId(), now, period.from(), live);
        }

        /**
         * Hands each open item of the office in {@code store} to {@code listed}, with whether it came in on the view's
         * days (office-local): live, every open item is listed; for past days, those that came in on them. True
         * when the store knows any item of the office.
         */
        <S, I extends CorrespondenceItem<S>> boolean openItems(ReadOnlyKeyValueStore<String, S> store, Function<S, I> item,
                BiConsumer<I, Boolean> listed) {
            List<I> items = new ArrayList<>();
            Keys.scan(store, Keys.officePrefix(officeId), (key, state) -> items.add(item.apply(state)));
            for (I each : items) {
                if (!each.open()) {
                    continue;
                }
                boolean ofDay = period.contains(Instant.ofEpochMilli(each.cameInAt()).atZone(office.zone()).toLocalDate());
                if (live || ofDay) {
                    listed.accept(each, ofDay);
                }
            }
            return items.stream().anyMatch(CorrespondenceItem::known);
        }
    }

    private List<Department> departmentsOf(String officeId) {
        ReadOnlyKeyValueStore<String, Office> offices = stores.keyValueStore(DirectoryStores.OFFICES);
        Office entry = offices.get(officeId);
        return entry == null ? List.of() : entry.getDepartments();
    }

    /** Sums of day counters and open items, mergeable from mailboxes to departments to the office. */
    private static final class EmailParts {
        final EmailDayState counts = EmailDayState.newBuilder().build();
        final DurationSketch readReceiptDelay = new DurationSketch();
        final DurationSketch firstResponse = new DurationSketch();
        long open;
        long overdue;
        long awaitingPastTarget;
        long readReceiptsPending;

        void add(EmailDayState day) {
            DayCounters.add(counts, day);
            readReceiptDelay.merge(DurationSketch.fromState(day.getReadReceiptDelay()));
            firstResponse.merge(DurationSketch.fromState(day.getFirstResponseTime()));
        }

        void addOpen(EmailClock clock, long now) {
            open++;
            overdue += clock.overdue(now) ? 1 : 0;
            awaitingPastTarget += clock.awaitingPastTarget(now) ? 1 : 0;
            readReceiptsPending += clock.readReceiptPending() ? 1 : 0;
        }

        void merge(EmailParts other) {
            add(other.counts);
            readReceiptDelay.merge(other.readReceiptDelay);
            firstResponse.merge(other.firstResponse);
            open += other.open;
            overdue += other.overdue;
            awaitingPastTarget += other.awaitingPastTarget;
            readReceiptsPending += other.readReceiptsPending;
        }

        EmailFigures figures(String id, String name) {
            EmailDayState c = counts;
            long met = c.getRepliedWithinTarget() + c.getHoldingWithinTarget();
            long decided = met + c.getRespondedLate() + awaitingPastTarget;
            return new EmailFigures(id, name, c.getReceived(), c.getRepliedWithinTarget(), c.getHoldingWithinTarget(),
                    c.getRespondedLate(), awaitingPastTarget, decided == 0 ? null : (double) met / decided,
                    c.getWithHoldingReply(), c.getAnsweredOnTime(), c.getAnsweredLate(), c.getClosedWithoutReply(),
                    open, overdue,
                    new EmailFigures.ReadReceiptFigures(c.getReadReceiptsRequested(), c.getReadReceiptsWithinTarget(),
                            c.getReadReceiptsLate(), readReceiptsPending, readReceiptDelay.toStats()),
                    firstResponse.toStats());
        }
    }

    private static final class ComplaintParts {
        final ComplaintDayState counts = ComplaintDayState.newBuilder().build();
        long open;
        long dueSoon;
        long overdue;

        void add(ComplaintDayState day) {
            DayCounters.add(counts, day);
        }

        void addOpen(boolean isOverdue, boolean isDueSoon) {
            open++;
            overdue += isOverdue ? 1 : 0;
            dueSoon += isDueSoon ? 1 : 0;
        }

        void merge(ComplaintParts other) {
            add(other.counts);
            open += other.open;
            dueSoon += other.dueSoon;
            overdue += other.overdue;
        }

        ComplaintFigures figures(String id, String name) {
            ComplaintDayState c = counts;
            long decided = c.getAnsweredOnTime() + c.getAnsweredLate() + overdue;
            return new ComplaintFigures(id, name, c.getRegistered(), c.getComplaints(), c.getRequests(),
                    c.getAnsweredOnTime(), c.getAnsweredLate(),
                    decided == 0 ? null : (double) c.getAnsweredOnTime() / decided,
                    c.getExtended(), c.getExtensionsWithNotice(), c.getExtensionsWithoutNotice(), open, dueSoon, overdue);
        }
    }
}
