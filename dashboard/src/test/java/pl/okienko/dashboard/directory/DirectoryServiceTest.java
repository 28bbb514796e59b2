package pl.okienko.dashboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;

/** Reading and checking offices and policies; nothing here publishes. */
class DirectoryServiceTest {

    private final DirectoryService directory = new DirectoryService(null);

    @Test
    void anOfficeWithoutOfficeIdTakesItFromThePath() {
        Office office = office("{\"name\":\"Urząd\"}", "UG-GOS");

        assertThat(office.getOfficeId()).isEqualTo("UG-GOS");
        assertThat(office.getTimeZone()).isEqualTo("Europe/Warsaw");
    }

    @Test
    void everyProblemOfAnOfficeIsReported() {
        String json = "{\"name\":\"X\",\"timeZone\":\"Nowhere/City\","
                + "\"businessHours\":[{\"dayOfWeek\":0,\"opens\":\"8\",\"closes\":\"16:00\"}],"
                + "\"queues\":[{\"queueId\":\"A\",\"departmentId\":\"NOPE\",\"name\":\"a\"},{\"queueId\":\"A\",\"name\":\"b\"}]}";

        assertThatThrownBy(() -> office(json, "X"))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).hasSize(5))
                .hasMessageContaining("Nowhere/City").hasMessageContaining("dayOfWeek")
                .hasMessageContaining("HH:mm").hasMessageContaining("NOPE").hasMessageContaining("appears twice");
    }

    @Test
    void anOfficeOpenRoundTheClockEveryDayWithNoHolidaysIsValid() {
        StringBuilder days = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            days.append(day == 1 ? "" : ",").append("{\"dayOfWeek\":").append(day).append(",\"opens\":\"00:00\",\"closes\":\"24:00\"}");
        }
        String json = "{\"name\":\"CPR\",\"holidays\":\"NONE\",\"businessHours\":[" + days + "]}";

        Office office = office(json, "CPR");

        assertThat(office.getBusinessHours()).hasSize(7).allSatisfy(h -> assertThat(h.getCloses()).isEqualTo("24:00"));
        assertThat(office.getHolidays()).isEqualTo("NONE");
    }

    @Test
    void anOfficeTakesPolishHolidaysAndNoOwnDaysOffWhenItNamesNone() {
        Office office = office("{\"name\":\"Urząd\"}", "UG-GOS");

        assertThat(office.getHolidays()).isEqualTo("PL");
        assertThat(office.getDaysOff()).isEmpty();
    }

    @Test
    void anOfficeMayNameACountryWithARegionAndItsOwnDaysOff() {
        Office office = office("{\"name\":\"Amt\",\"holidays\":\"DE-BY\",\"daysOff\":[\"2026-11-10\",\"2026-12-31\"]}", "AMT");

        assertThat(office.getHolidays()).isEqualTo("DE-BY");
        assertThat(office.getDaysOff()).containsExactly("2026-11-10", "2026-12-31");
    }

    @Test
    void anUnknownCountryOrRegionABadDayOffAndOpeningAt24AreRefusedEachInOneSentence() {
        String json = "{\"name\":\"X\",\"holidays\":\"XX\",\"daysOff\":[\"2026-11-10\",\"2026-02-30\",\"10.11.2026\"],"
                + "\"businessHours\":[{\"dayOfWeek\":1,\"opens\":\"24:00\",\"closes\":\"24:00\"},"
                + "{\"dayOfWeek\":2,\"opens\":\"08:00\",\"closes\":\"25:00\"}]}";

        assertThat(officeProblems(json)).containsExactly(
                        "businessHours[0].opens '24:00' is not a time: expected HH:mm, e.g. 07:30",
                        "businessHours[1].closes '25:00' is not a time: expected HH:mm, e.g. 07:30, or 24:00 for the end of the day",
                        "holidays 'XX' names no country with a public holiday calendar: expected a country code"
                                + " (ISO 3166-1 alpha-2) such as PL, a country and region such as DE-BY, or NONE",
                        "daysOff[1] '2026-02-30' is not a date: expected YYYY-MM-DD, e.g. 2026-11-10",
                        "daysOff[2] '10.11.2026' is not a date: expected YYYY-MM-DD, e.g. 2026-11-10");
        assertThat(officeProblems("{\"name\":\"X\",\"holidays\":\"PL-MZ\"}")).containsExactly(
                        "holidays 'PL-MZ': country PL has no region 'MZ'; name the country alone");
    }

    @Test
    void aPolicyTakesItsScopeFromTheKey() {
        Policy policy = policy("{\"queueWaitingLimit\":10}", "UM-JED/queue/A");

        assertThat(policy.getOfficeId()).isEqualTo("UM-JED");
        assertThat(policy.getScope()).isEqualTo(PolicyScope.QUEUE);
        assertThat(policy.getScopeId()).isEqualTo("A");
        assertThat(policy.getQueueWaitingLimit()).isEqualTo(10);
    }

    /** A policy disagreeing with its key, with a non-positive threshold, or a body that is no JSON object. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"officeId":"SP-GOS"}   | officeId is 'SP-GOS'
            {"queueWaitingLimit":0} | queueWaitingLimit must be at least 1
            {nope                   | not valid JSON
            [1]                     | expected a JSON object
            """)
    void aPolicyBodyThatIsNoValidPolicyOfItsKeyIsRefusedSayingWhy(String json, String reason) {
        assertThatThrownBy(() -> policy(json, "UM-JED")).hasMessageContaining(reason);
    }

    @Test
    void shouldReadAutoRegisterUnitsFromAnOfficePolicyAndLeaveItUnsetWhenNotGiven() {
        Policy allowing = policy("{\"autoRegisterUnits\":true}", "UM-JED");
        Policy silent = policy("{\"queueWaitingLimit\":10}", "UM-JED");

        assertThat(allowing.getAutoRegisterUnits()).isTrue();
        assertThat(silent.getAutoRegisterUnits()).isNull();
    }

    @Test
    void shouldRefuseAutoRegisterUnitsInAPolicyNarrowerThanTheOffice() {
        assertThatThrownBy(() -> policy("{\"autoRegisterUnits\":true}", "UM-JED/queue/A"))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).containsExactly(
                        "autoRegisterUnits applies to a whole office: set it in the policy of UM-JED"));
    }

    private Office office(String json, String officeId) {
        return directory.office(DirectoryService.parse(json, "test"), officeId);
    }

    private Policy policy(String json, String key) {
        return directory.policy(DirectoryService.parse(json, "test"), PolicyKey.parse(key));
    }

    /** What the directory finds wrong with {@code json} as office X, which it must refuse. */
    private List<String> officeProblems(String json) {
        InvalidDirectoryException refused = catchThrowableOfType(InvalidDirectoryException.class, () -> office(json, "X"));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }
}
