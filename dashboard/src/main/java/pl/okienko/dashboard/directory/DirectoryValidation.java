package pl.okienko.dashboard.directory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.avro.Schema;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.processors.deadlines.OfficeCalendar;
import pl.okienko.processors.deadlines.PublicHolidays;

/**
 * Rules a directory entry or policy must keep beyond its schema, each broken rule reported as one
 * sentence naming the field, so that an administrator's mistake never reaches the topologies. An
 * office's calendar (hours closing at the latest at 24:00, its holiday set, its own days off) is
 * what its T3 business hours and C1/E3 working days are counted in.
 */
final class DirectoryValidation {

    private DirectoryValidation() {
    }

    /** The problems of {@code office}; empty when it is valid. */
    static List<String> problems(Office office) {
        List<String> problems = new ArrayList<>();
        try {
            ZoneId.of(office.getTimeZone());
        } catch (DateTimeException e) {
            problems.add("timeZone '" + office.getTimeZone() + "' is not a time zone id, e.g. Europe/Warsaw");
        }
        for (int i = 0; i < office.getBusinessHours().size(); i++) {
            BusinessHours hours = office.getBusinessHours().get(i);
            String at = "businessHours[" + i + "]";
            if (hours.getDayOfWeek() < 1 || hours.getDayOfWeek() > 7) {
                problems.add(at + ".dayOfWeek must be 1 (Monday) to 7 (Sunday), was " + hours.getDayOfWeek());
            }
            LocalTime opens = time(hours.getOpens(), at + ".opens", problems);
            // 24:00 is no LocalTime; it closes after any opening time
            LocalTime closes = OfficeCalendar.END_OF_DAY.equals(hours.getCloses()) ? null
                    : time(hours.getCloses(), at + ".closes", problems);
            if (opens != null && closes != null && !opens.isBefore(closes)) {
                problems.add(at + " opens at " + opens + ", not before it closes at " + closes);
            }
        }
        try {
            PublicHolidays.of(office.getHolidays());
        } catch (IllegalArgumentException e) {
            problems.add("holidays " + e.getMessage());
        }
        for (int i = 0; i < office.getDaysOff().size(); i++) {
            String day = office.getDaysOff().get(i);
            try {
                LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                problems.add("daysOff[" + i + "] '" + day + "' is not a date: expected YYYY-MM-DD, e.g. 2026-11-10");
            }
        }
        Set<String> departments = new HashSet<>();
        office.getDepartments().forEach(d -> unique(departments, d.getDepartmentId(), "departmentId", problems));
        checkUnits("queues", office.getQueues(), q -> q.getQueueId(), q -> q.getDepartmentId(), departments, problems);
        checkUnits("desks", office.getDesks(), d -> d.getDeskId(), d -> d.getDepartmentId(), departments, problems);
        checkUnits("phoneLines", office.getPhoneLines(), l -> l.getLineId(), l -> l.getDepartmentId(), departments, problems);
        checkUnits("mailboxes", office.getMailboxes(), m -> m.getMailboxId(), m -> m.getDepartmentId(), departments, problems);
        return problems;
    }

    /**
     * The problems of {@code policy}: every threshold given must be a positive number, and
     * {@code autoRegisterUnits} is set on a whole office only, as ingestion reads it there.
     */
    static List<String> problems(Policy policy) {
        List<String> problems = new ArrayList<>();
        for (Schema.Field field : policy.getSchema().getFields()) {
            if (policy.get(field.pos()) instanceof Integer value && value < 1) {
                problems.add(field.name() + " must be at least 1, was " + value);
            }
        }
        if (policy.getScope() != PolicyScope.OFFICE && policy.getAutoRegisterUnits() != null) {
            problems.add("autoRegisterUnits applies to a whole office: set it in the policy of " + policy.getOfficeId());
        }
        return problems;
    }

    private static <T> void checkUnits(String what, List<T> units, Function<T, String> id, Function<T, String> department,
            Set<String> departments, List<String> problems) {
        Set<String> ids = new HashSet<>();
        for (T unit : units) {
            unique(ids, id.apply(unit), what + " id", problems);
            String departmentId = department.apply(unit);
            if (departmentId != null && !departments.contains(departmentId)) {
                problems.add(what + " " + id.apply(unit) + " names department " + departmentId + ", which the office does not have");
            }
        }
    }

    private static void unique(Set<String> seen, String id, String what, List<String> problems) {
        if (!seen.add(id)) {
            problems.add(what + " " + id + " appears twice");
        }
    }

    private static LocalTime time(String text, String field, List<String> problems) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + text + "' is not a time: expected HH:mm, e.g. 07:30"
                    + (field.endsWith(".closes") ? ", or 24:00 for the end of the day" : ""));
            return null;
        }
    }
}
