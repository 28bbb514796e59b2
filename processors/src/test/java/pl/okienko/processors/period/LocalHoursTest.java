package pl.okienko.processors.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LocalHoursTest {

    private static final long MINUTE = 60_000;

    private final LocalHours hours = new LocalHours();

    @Test
    void shouldGiveTheZonesOwnHourEveryMinuteAcrossBothDaylightSavingChanges() {
        for (String zoneId : new String[] {"Europe/Warsaw", "Australia/Lord_Howe", "America/St_Johns"}) {
            ZoneId zone = ZoneId.of(zoneId);
            for (Instant change : new Instant[] {zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z")).getInstant(),
                    zone.getRules().nextTransition(Instant.parse("2026-07-01T00:00:00Z")).getInstant()}) {
                long from = change.toEpochMilli() - 30 * 60 * MINUTE;
                for (long at = from; at < from + 60 * 60 * MINUTE; at += MINUTE) {
                    assertSameAsTheZone("office", zone, at);
                    assertSameAsTheZone("office", zone, at + MINUTE - 1);
                }
            }
        }
    }

    @Test
    void shouldGiveTheZonesOwnHourEveryMinuteOfADayInAZoneOffByAQuarterHour() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        long from = Instant.parse("2026-11-16T00:00:00Z").toEpochMilli();
        for (long at = from; at < from + 24 * 60 * MINUTE; at += MINUTE) {
            assertSameAsTheZone("office", kathmandu, at);
            assertSameAsTheZone("office", kathmandu, at + MINUTE - 1);
        }
    }

    @Test
    void shouldGiveTheZonesOwnHourForInstantsInAnyOrder() {
        Random random = new Random(7);
        ZoneId warsaw = ZoneId.of("Europe/Warsaw");
        long start = Instant.parse("2026-10-24T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            long at = start + (long) (random.nextDouble() * 3 * 24 * 60 * MINUTE);
            assertSameAsTheZone("office-" + random.nextInt(3), warsaw, at);
        }
    }

    @Test
    void shouldFollowAnOfficeWhoseZoneChanged() {
        long at = Instant.parse("2026-11-16T23:30:00Z").toEpochMilli();
        assertThat(hours.of("office", ZoneId.of("Europe/Warsaw"), at).date()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(hours.of("office", ZoneId.of("Europe/London"), at))
                .isEqualTo(new LocalHours.Hour(LocalDate.of(2026, 11, 16), "2026-11-16", 23));
    }

    private void assertSameAsTheZone(String officeId, ZoneId zone, long at) {
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(zone);
        assertThat(hours.of(officeId, zone, at)).as("%s at %s", zone, Instant.ofEpochMilli(at))
                .isEqualTo(new LocalHours.Hour(local.toLocalDate(), local.toLocalDate().toString(), local.getHour()));
    }
}
