package pl.okienko.dashboard.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pl.okienko.dashboard.platform.web.Concern;
import pl.okienko.dashboard.platform.web.KeyFigure;
import pl.okienko.directory.Department;
import pl.okienko.directory.Office;
import pl.okienko.processors.alerts.AlertView;

class OfficeTilesTest {

    private static final Instant NINE = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void shouldTurnAConcernRedWhileOneOfItsAlertsIsActive() {
        OfficeTile tile = OfficeTiles.tile(office("UM-A", "Urząd A"), figures(), List.of(alert("QUEUE_EXCESSIVE", "Q2", NINE)));

        assertThat(light(tile, Concern.QUEUES)).isEqualTo(Light.ALERT);
        assertThat(row(tile, Concern.QUEUES).activeAlerts()).isEqualTo(1);
        assertThat(tile.light()).isEqualTo(Light.ALERT);
        assertThat(tile.oldestAlert()).isEqualTo(NINE);
        assertThat(light(tile, Concern.PHONE)).isEqualTo(Light.NO_DATA);
    }

    @Test
    void shouldShowAComplaintComingDueAsAWarningNotAnAlert() {
        OfficeTile tile = OfficeTiles.tile(office("UM-A", "Urząd A"), figures(), List.of(alert("COMPLAINT_DUE_SOON", "C1", NINE)));

        assertThat(light(tile, Concern.COMPLAINTS)).isEqualTo(Light.WARNING);
        assertThat(tile.light()).isEqualTo(Light.WARNING);
    }

    @Test
    void shouldPlaceAnAlertOfATypeThisVersionDoesNotKnowByItsRule() {
        OfficeTile tile = OfficeTiles.tile(office("UM-A", "Urząd A"), figures(), List.of(alert("UNKNOWN", "T4", NINE)));

        assertThat(light(tile, Concern.CALLBACKS)).isEqualTo(Light.ALERT);
    }

    @Test
    void shouldJudgeAConcernByItsFiguresWhenNoAlertIsActive() {
        Map<Concern, Optional<List<KeyFigure>>> figures = figures();
        figures.put(Concern.QUEUES, Optional.of(List.of(KeyFigure.count("overview.figure.waiting", null, 3).warningWhen(true))));
        figures.put(Concern.EMAIL, Optional.of(List.of(KeyFigure.count("overview.figure.overdue", null, 0))));
        figures.put(Concern.PHONE, Optional.empty());
        figures.put(Concern.SATISFACTION, Optional.of(List.of(KeyFigure.of("overview.figure.index", null, "58.3 (n = 9)"))));

        OfficeTile tile = OfficeTiles.tile(office("UM-A", "Urząd A"), figures, List.of());

        assertThat(light(tile, Concern.QUEUES)).isEqualTo(Light.WARNING);
        assertThat(row(tile, Concern.QUEUES).main().shown()).isEqualTo("3");
        assertThat(light(tile, Concern.EMAIL)).isEqualTo(Light.NORMAL);
        assertThat(light(tile, Concern.PHONE)).isEqualTo(Light.UNKNOWN);
        // S1 sets no target: its index is shown, never judged
        assertThat(light(tile, Concern.SATISFACTION)).isEqualTo(Light.NORMAL);
        assertThat(row(tile, Concern.SATISFACTION).main().shown()).isEqualTo("58.3 (n = 9)");
        assertThat(tile.light()).isEqualTo(Light.WARNING);
        assertThat(tile.oldestAlert()).isNull();
    }

    @Test
    void shouldListTheOfficeInMostTroubleFirst() {
        OfficeTile fine = OfficeTiles.tile(office("UM-F", "Ząbki"), figuresAll(0), List.of());
        OfficeTile oneRed = OfficeTiles.tile(office("UM-1", "Białystok"), figuresAll(0),
                List.of(alert("QUEUE_EXCESSIVE", "Q2", NINE)));
        OfficeTile twoRedLater = OfficeTiles.tile(office("UM-2", "Łódź"), figuresAll(0),
                List.of(alert("QUEUE_EXCESSIVE", "Q2", NINE.plusSeconds(600)), alert("INCIDENT", "I1", NINE.plusSeconds(900))));
        OfficeTile oneRedEarlier = OfficeTiles.tile(office("UM-3", "Zamość"), figuresAll(0),
                List.of(alert("EMAIL_OVERDUE", "E1", NINE.minusSeconds(3600))));
        OfficeTile amber = OfficeTiles.tile(office("UM-4", "Augustów"), figuresAll(0),
                List.of(alert("COMPLAINT_DUE_SOON", "C1", NINE.minusSeconds(7200))));

        List<OfficeTile> sorted = List.of(fine, oneRed, twoRedLater, oneRedEarlier, amber).stream()
                .sorted(OfficeTile.WORST_FIRST).toList();

        // two red concerns first; then one red each, the longer-standing alert first; then amber; then fine
        assertThat(sorted).extracting(OfficeTile::officeId).containsExactly("UM-2", "UM-3", "UM-1", "UM-4", "UM-F");
    }

    @Test
    void shouldNarrowByRegionAndByDepartmentNameIgnoringCase() {
        Office withRegion = Office.newBuilder(office("UM-A", "Urząd A")).setRegion("mazowieckie")
                .setDepartments(List.of(new Department("USC", "Urząd Stanu Cywilnego"))).build();

        assertThat(new OverviewFilter("Mazowieckie", null).shows(withRegion)).isTrue();
        assertThat(new OverviewFilter("łódzkie", null).shows(withRegion)).isFalse();
        assertThat(new OverviewFilter(" ", "urząd stanu cywilnego").shows(withRegion)).isTrue();
        assertThat(new OverviewFilter(null, "Wydział Podatków").shows(withRegion)).isFalse();
        assertThat(new OverviewFilter("mazowieckie", null).shows(office("UM-B", "Urząd B"))).isFalse();
        assertThat(OverviewFilter.NONE.shows(office("UM-B", "Urząd B"))).isTrue();
        assertThat(new OverviewFilter("", " ").narrows()).isFalse();
    }

    private static Map<Concern, Optional<List<KeyFigure>>> figures() {
        return new EnumMap<>(Concern.class);
    }

    private static Map<Concern, Optional<List<KeyFigure>>> figuresAll(long value) {
        Map<Concern, Optional<List<KeyFigure>>> figures = figures();
        for (Concern concern : Concern.values()) {
            figures.put(concern, Optional.of(List.of(KeyFigure.count("overview.figure.open", null, value))));
        }
        return figures;
    }

    private static Light light(OfficeTile tile, Concern concern) {
        return row(tile, concern).light();
    }

    private static ConcernLight row(OfficeTile tile, Concern concern) {
        return tile.concerns().stream().filter(row -> row.concern() == concern).findFirst().orElseThrow();
    }

    private static Office office(String officeId, String name) {
        return Office.newBuilder().setOfficeId(officeId).setName(name).build();
    }

    private static AlertView alert(String type, String rule, Instant raisedAt) {
        return new AlertView(type + "-" + raisedAt, type, rule, "RAISED", "UM-A", "queue", "A", raisedAt, raisedAt,
                type, Map.of(), null);
    }
}
