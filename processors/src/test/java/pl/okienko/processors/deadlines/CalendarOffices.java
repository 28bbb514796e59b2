package pl.okienko.processors.deadlines;

import java.util.List;
import java.util.stream.IntStream;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Office;

/** Directory entries with calendars of their own, for the tests of T3, C1 and E3 deadlines. */
public final class CalendarOffices {

    private CalendarOffices() {
    }

    /** Open 00:00–24:00 all seven days, keeping no public holidays. */
    public static Office roundTheClock(String officeId) {
        return Office.newBuilder().setOfficeId(officeId).setName("Całodobowe centrum powiadamiania")
                .setBusinessHours(IntStream.rangeClosed(1, 7).mapToObj(d -> new BusinessHours(d, "00:00", "24:00")).toList())
                .setHolidays("NONE").build();
    }

    /** The default hours (Monday to Friday 08:00–16:00) and Polish holidays, plus the given days off. */
    public static Office withDaysOff(String officeId, String... daysOff) {
        return Office.newBuilder().setOfficeId(officeId).setName("Urząd z dniem wolnym").setDaysOff(List.of(daysOff))
                .build();
    }
}
