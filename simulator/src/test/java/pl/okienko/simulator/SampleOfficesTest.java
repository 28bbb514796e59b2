package pl.okienko.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import pl.okienko.directory.Department;
import pl.okienko.directory.Office;

class SampleOfficesTest {

    @Test
    void there_are_a_town_a_county_and_a_labour_office() {
        assertThat(SampleOffices.all()).extracting(Office::getOfficeId).containsExactly("UM-JED", "SP-GOS", "PUP-LDZ");
        assertThat(SampleOffices.byId("SP-GOS").getName()).isEqualTo("Starostwo Powiatowe w Gostyninie");
    }

    @Test
    void each_office_has_three_or_four_queues_five_to_nine_desks_and_known_departments() {
        for (Office office : SampleOffices.all()) {
            Set<String> departments = office.getDepartments().stream().map(Department::getDepartmentId).collect(Collectors.toSet());

            assertThat(office.getTimeZone()).isEqualTo("Europe/Warsaw");
            assertThat(office.getQueues()).hasSizeBetween(3, 4);
            assertThat(office.getDesks()).hasSizeBetween(5, 9);
            assertThat(office.getQueues()).allSatisfy(q -> assertThat(departments).contains(q.getDepartmentId()));
            assertThat(office.getDesks()).allSatisfy(d -> assertThat(departments).contains(d.getDepartmentId()));
        }
    }

    @Test
    void offices_open_on_weekdays_and_stay_longer_on_monday() {
        for (Office office : SampleOffices.all()) {
            assertThat(office.getBusinessHours()).extracting(h -> h.getDayOfWeek()).containsExactly(1, 2, 3, 4, 5);
            String mondayCloses = office.getBusinessHours().get(0).getCloses();
            String tuesdayCloses = office.getBusinessHours().get(1).getCloses();
            assertThat(mondayCloses).isGreaterThan(tuesdayCloses);
        }
    }

    @Test
    void every_call_returns_a_fresh_copy() {
        SampleOffices.byId("UM-JED").setName("changed");

        assertThat(SampleOffices.byId("UM-JED").getName()).isEqualTo("Urząd Miejski w Jędrzejowie");
    }

    @Test
    void an_unknown_office_is_refused_with_the_known_ids() {
        assertThatThrownBy(() -> SampleOffices.byId("XYZ"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("UM-JED");
    }
}
