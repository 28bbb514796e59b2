package pl.okienko.processors.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.processors.InMemoryStores;
import pl.okienko.schemas.serde.AvroSerde;

class DirectoryCacheTest {

    private static final long NOW = 1_000_000;

    private final KeyValueStore<String, Office> offices = InMemoryStores.keyValue("offices", AvroSerde.of(Office.class));
    private final KeyValueStore<String, Policy> policies = InMemoryStores.keyValue("policies", AvroSerde.of(Policy.class));
    private final DirectoryCache cache = new DirectoryCache(offices, policies, DirectoryCache.TTL_MILLIS);

    @Test
    void shouldReadAnOfficeEntryAgainAsSoonAsItsUpdaterCountedAChange() {
        offices.put("UM-A", office("Urząd"));
        assertThat(cache.office("UM-A", NOW).name()).isEqualTo("Urząd");

        offices.put("UM-A", office("Urząd Miasta"));
        assertThat(cache.office("UM-A", NOW + 1).name()).as("no change counted yet").isEqualTo("Urząd");
        DirectoryChanges.changed("UM-A");
        assertThat(cache.office("UM-A", NOW + 2).name()).isEqualTo("Urząd Miasta");
    }

    @Test
    void shouldReadAnOfficesPolicyAgainWhenANarrowerPolicyOfTheOfficeChanged() {
        offices.put("UM-A", office("Urząd"));
        policies.put("UM-A", Policy.newBuilder().setOfficeId("UM-A").setIncidentAckSeconds(120).build());
        assertThat(cache.departmentPolicy("UM-A", "D1", NOW).incidentAck()).hasSeconds(120);

        policies.put("UM-A/department/D1", Policy.newBuilder().setOfficeId("UM-A").setScope(PolicyScope.DEPARTMENT).setScopeId("D1").setIncidentAckSeconds(30).build());
        DirectoryChanges.changed("UM-A/department/D1");

        assertThat(cache.departmentPolicy("UM-A", "D1", NOW + 1).incidentAck()).hasSeconds(30);
    }

    @Test
    void shouldKeepAnOfficeEntryForTheTimeToLiveThenReadItAgain() {
        offices.put("UM-A", office("Urząd"));
        assertThat(cache.office("UM-A", NOW).name()).isEqualTo("Urząd");

        offices.put("UM-A", office("Urząd Miasta"));
        assertThat(cache.office("UM-A", NOW + DirectoryCache.TTL_MILLIS - 1).name()).isEqualTo("Urząd");
        assertThat(cache.office("UM-A", NOW + DirectoryCache.TTL_MILLIS).name()).isEqualTo("Urząd Miasta");
    }

    @Test
    void shouldNotKeepAnOfficeMissingFromTheDirectorySoItsEntryAppliesAsSoonAsItArrives() {
        assertThat(cache.office("UM-A", NOW).known()).isFalse();

        offices.put("UM-A", office("Urząd"));
        assertThat(cache.office("UM-A", NOW).known()).isTrue();
        assertThat(cache.office("UM-A", NOW).name()).isEqualTo("Urząd");
    }

    private static Office office(String name) {
        return Office.newBuilder().setOfficeId("UM-A").setName(name).build();
    }
}
