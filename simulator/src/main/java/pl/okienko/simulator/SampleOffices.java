package pl.okienko.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Department;
import pl.okienko.directory.Desk;
import pl.okienko.directory.Mailbox;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.directory.Queue;

/**
 * Three sample offices modelled on the offices whose standards Okienko measures: a town office, a
 * county office and a labour office, each with departments, queues and desks. They give the demo, the tests and the benchmarks realistic directory entries for rules
 * Q1–Q5 and P1.
 */
public final class SampleOffices {

    /** Urząd Miejski w Jędrzejowie, the town office. */
    public static final String TOWN = "UM-JED";
    /** Starostwo Powiatowe w Gostyninie, the county office. */
    public static final String COUNTY = "SP-GOS";
    /** Powiatowy Urząd Pracy w Łodzi, the labour office. */
    public static final String LABOUR = "PUP-LDZ";

    private static final String WARSAW = "Europe/Warsaw";

    private SampleOffices() {
    }

    /** The three sample offices, town, county, labour, in that order; built afresh on every call, since Avro records are mutable. */
    public static List<Office> all() {
        return List.of(town(), county(), labour());
    }

    /**
     * One sample office.
     *
     * @throws NoSuchElementException if no sample office has that id
     */
    public static Office byId(String officeId) {
        return all().stream()
                .filter(office -> office.getOfficeId().equals(officeId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no sample office " + officeId + "; known: " + TOWN + ", " + COUNTY + ", " + LABOUR));
    }

    private static Office town() {
        return Office.newBuilder()
                .setOfficeId(TOWN)
                .setName("Urząd Miejski w Jędrzejowie")
                .setTimeZone(WARSAW)
                .setBusinessHours(hours("07:30", "17:00", "07:30", "15:30"))
                .setDepartments(List.of(
                        department("WSO", "Wydział Spraw Obywatelskich"),
                        department("WPO", "Wydział Podatków i Opłat Lokalnych"),
                        department("USC", "Urząd Stanu Cywilnego")))
                .setQueues(List.of(
                        queue("A", "WSO", "Dowody osobiste"),
                        queue("B", "WSO", "Meldunki i ewidencja ludności"),
                        queue("C", "WPO", "Podatki i opłaty lokalne"),
                        queue("D", "USC", "Akty stanu cywilnego")))
                .setDesks(List.of(
                        desk("D01", "WSO", "Stanowisko 1"),
                        desk("D02", "WSO", "Stanowisko 2"),
                        desk("D03", "WSO", "Stanowisko 3"),
                        desk("D04", "WSO", "Stanowisko 4"),
                        desk("D05", "WPO", "Stanowisko 5"),
                        desk("D06", "WPO", "Stanowisko 6"),
                        desk("D07", "USC", "Stanowisko 7 (USC)")))
                .setPhoneLines(List.of(
                        new PhoneLine("L-CENTRALA", null, "Centrala"),
                        new PhoneLine("L-WSO", "WSO", "Sprawy obywatelskie"),
                        new PhoneLine("L-WPO", "WPO", "Podatki")))
                .setMailboxes(List.of(
                        new Mailbox("M-SEKRETARIAT", null, "Sekretariat"),
                        new Mailbox("M-USC", "USC", "Urząd Stanu Cywilnego")))
                .build();
    }

    private static Office county() {
        return Office.newBuilder()
                .setOfficeId(COUNTY)
                .setName("Starostwo Powiatowe w Gostyninie")
                .setTimeZone(WARSAW)
                .setBusinessHours(hours("08:00", "17:00", "08:00", "16:00"))
                .setDepartments(List.of(
                        department("WK", "Wydział Komunikacji i Transportu"),
                        department("WGK", "Wydział Geodezji, Kartografii i Katastru"),
                        department("WAB", "Wydział Architektury i Budownictwa")))
                .setQueues(List.of(
                        queue("A", "WK", "Rejestracja pojazdów"),
                        queue("B", "WK", "Prawa jazdy"),
                        queue("C", "WGK", "Geodezja i mapy"),
                        queue("D", "WAB", "Pozwolenia na budowę")))
                .setDesks(List.of(
                        desk("D01", "WK", "Stanowisko 1"),
                        desk("D02", "WK", "Stanowisko 2"),
                        desk("D03", "WK", "Stanowisko 3"),
                        desk("D04", "WK", "Stanowisko 4"),
                        desk("D05", "WK", "Stanowisko 5"),
                        desk("D06", "WGK", "Stanowisko 6"),
                        desk("D07", "WGK", "Stanowisko 7"),
                        desk("D08", "WAB", "Stanowisko 8"),
                        desk("D09", "WAB", "Stanowisko 9")))
                .setPhoneLines(List.of(
                        new PhoneLine("L-CENTRALA", null, "Centrala"),
                        new PhoneLine("L-WK", "WK", "Komunikacja")))
                .setMailboxes(List.of(
                        new Mailbox("M-KANCELARIA", null, "Kancelaria ogólna"),
                        new Mailbox("M-WGK", "WGK", "Geodezja")))
                .build();
    }

    private static Office labour() {
        return Office.newBuilder()
                .setOfficeId(LABOUR)
                .setName("Powiatowy Urząd Pracy w Łodzi")
                .setTimeZone(WARSAW)
                .setBusinessHours(hours("08:00", "17:00", "08:00", "15:30"))
                .setDepartments(List.of(
                        department("DR", "Dział Rejestracji"),
                        department("CAZ", "Centrum Aktywizacji Zawodowej"),
                        department("DS", "Dział Świadczeń")))
                .setQueues(List.of(
                        queue("A", "DR", "Rejestracja osób bezrobotnych"),
                        queue("B", "CAZ", "Oferty pracy i pośrednictwo"),
                        queue("C", "DS", "Zasiłki i świadczenia")))
                .setDesks(List.of(
                        desk("D01", "DR", "Stanowisko 1"),
                        desk("D02", "DR", "Stanowisko 2"),
                        desk("D03", "DR", "Stanowisko 3"),
                        desk("D04", "CAZ", "Stanowisko 4"),
                        desk("D05", "CAZ", "Stanowisko 5"),
                        desk("D06", "DS", "Stanowisko 6"),
                        desk("D07", "DS", "Stanowisko 7"),
                        desk("D08", "DS", "Stanowisko 8")))
                .setPhoneLines(List.of(
                        new PhoneLine("L-INFO", null, "Informacja"),
                        new PhoneLine("L-DS", "DS", "Świadczenia")))
                .setMailboxes(List.of(
                        new Mailbox("M-KANCELARIA", null, "Kancelaria"),
                        new Mailbox("M-CAZ", "CAZ", "Oferty pracy")))
                .build();
    }

    /** Monday gets the longer hours (offices stay open late once a week), Tuesday to Friday the usual ones. */
    private static List<BusinessHours> hours(String mondayOpens, String mondayCloses, String opens, String closes) {
        List<BusinessHours> week = new ArrayList<>();
        week.add(new BusinessHours(1, mondayOpens, mondayCloses));
        for (int day = 2; day <= 5; day++) {
            week.add(new BusinessHours(day, opens, closes));
        }
        return week;
    }

    private static Department department(String id, String name) {
        return new Department(id, name);
    }

    private static Queue queue(String id, String departmentId, String name) {
        return new Queue(id, departmentId, name);
    }

    private static Desk desk(String id, String departmentId, String name) {
        return new Desk(id, departmentId, name);
    }
}
