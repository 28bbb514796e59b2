package pl.okienko.dashboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;

/** Reading and checking offices and policies; nothing here publishes. */
class DirectoryServiceTest {

    private final DirectoryService directory = new DirectoryService(null);

    @Test
    void anOfficeWithoutOfficeIdTakesItFromThePath() {
        Office office = directory.office(DirectoryService.parse("{\"name\":\"Urząd\"}", "test"), "UG-GOS");

        assertThat(office.getOfficeId()).isEqualTo("UG-GOS");
        assertThat(office.getTimeZone()).isEqualTo("Europe/Warsaw");
    }

    @Test
    void everyProblemOfAnOfficeIsReported() {
        String json = "{\"name\":\"X\",\"timeZone\":\"Nowhere/City\","
                + "\"businessHours\":[{\"dayOfWeek\":0,\"opens\":\"8\",\"closes\":\"16:00\"}],"
                + "\"queues\":[{\"queueId\":\"A\",\"departmentId\":\"NOPE\",\"name\":\"a\"},{\"queueId\":\"A\",\"name\":\"b\"}]}";

        assertThatThrownBy(() -> directory.office(DirectoryService.parse(json, "test"), "X"))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).hasSize(5))
                .hasMessageContaining("Nowhere/City").hasMessageContaining("dayOfWeek")
                .hasMessageContaining("HH:mm").hasMessageContaining("NOPE").hasMessageContaining("appears twice");
    }

    @Test
    void aPolicyTakesItsScopeFromTheKey() {
        Policy policy = directory.policy(DirectoryService.parse("{\"queueWaitingLimit\":10}", "test"), PolicyKey.parse("UM-JED/queue/A"));

        assertThat(policy.getOfficeId()).isEqualTo("UM-JED");
        assertThat(policy.getScope()).isEqualTo(PolicyScope.QUEUE);
        assertThat(policy.getScopeId()).isEqualTo("A");
        assertThat(policy.getQueueWaitingLimit()).isEqualTo(10);
    }

    @Test
    void aPolicyDisagreeingWithItsKeyOrWithNonPositiveThresholdsIsRefused() {
        assertThatThrownBy(() -> directory.policy(DirectoryService.parse("{\"officeId\":\"SP-GOS\"}", "test"), PolicyKey.parse("UM-JED")))
                .hasMessageContaining("officeId is 'SP-GOS'");
        assertThatThrownBy(() -> directory.policy(DirectoryService.parse("{\"queueWaitingLimit\":0}", "test"), PolicyKey.parse("UM-JED")))
                .hasMessageContaining("queueWaitingLimit must be at least 1");
    }

    @Test
    void shouldReadAutoRegisterUnitsFromAnOfficePolicyAndLeaveItUnsetWhenNotGiven() {
        Policy allowing = directory.policy(DirectoryService.parse("{\"autoRegisterUnits\":true}", "test"), PolicyKey.parse("UM-JED"));
        Policy silent = directory.policy(DirectoryService.parse("{\"queueWaitingLimit\":10}", "test"), PolicyKey.parse("UM-JED"));

        assertThat(allowing.getAutoRegisterUnits()).isTrue();
        assertThat(silent.getAutoRegisterUnits()).isNull();
    }

    @Test
    void shouldRefuseAutoRegisterUnitsInAPolicyNarrowerThanTheOffice() {
        assertThatThrownBy(() -> directory.policy(DirectoryService.parse("{\"autoRegisterUnits\":true}", "test"),
                PolicyKey.parse("UM-JED/queue/A")))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).containsExactly(
                        "autoRegisterUnits applies to a whole office: set it in the policy of UM-JED"));
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreRefused() {
        assertThatThrownBy(() -> directory.policy(DirectoryService.parse("{nope", "test"), PolicyKey.parse("UM-JED")))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> directory.policy(DirectoryService.parse("[1]", "test"), PolicyKey.parse("UM-JED")))
                .hasMessageContaining("expected a JSON object");
    }
}
