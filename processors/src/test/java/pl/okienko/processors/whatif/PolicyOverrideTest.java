package pl.okienko.processors.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.okienko.directory.Policy;
import pl.okienko.directory.PolicyScope;
import pl.okienko.processors.policy.EffectivePolicy;

class PolicyOverrideTest {

    private static final PolicyOverride T1_20S_T3_4H = PolicyOverride.parse(ordered("phoneAnswerSeconds", 20,
            "callbackDelayMinutes", 240));

    @Test
    void shouldWinOverEveryScopeThatSetsTheField() {
        Policy line = Policy.newBuilder().setOfficeId("UM-A").setScope(PolicyScope.LINE).setScopeId("L1")
                .setPhoneAnswerSeconds(10).setPhoneRingLimit(4).build();
        Policy office = Policy.newBuilder().setOfficeId("UM-A").setPhoneAnswerSeconds(12).build();

        EffectivePolicy effective = EffectivePolicy.resolve(List.of(T1_20S_T3_4H.applyTo(line, "UM-A"),
                T1_20S_T3_4H.applyTo(office, "UM-A")));

        assertThat(effective.phoneAnswerDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(effective.callbackDelay()).isEqualTo(Duration.ofHours(4));
        // what the override does not name stays as the policies say
        assertThat(effective.phoneRingLimit()).isEqualTo(4);
        assertThat(effective.priorityTargetWait()).isEqualTo(Duration.ofMinutes(5));
        // the stored policy is not changed
        assertThat(line.getPhoneAnswerSeconds()).isEqualTo(10);
    }

    @Test
    void shouldMakeAPolicyOfItsOwnForAScopeWithNone() {
        Policy made = T1_20S_T3_4H.applyTo(null, "UM-A");

        assertThat(made.getOfficeId()).isEqualTo("UM-A");
        assertThat(made.getPhoneAnswerSeconds()).isEqualTo(20);
        assertThat(made.getCallbackDelayMinutes()).isEqualTo(240);
        assertThat(made.getPhoneRingLimit()).isNull();
    }

    @Test
    void shouldRefuseUnknownKeysValuesOutOfRangeAndNothing() {
        assertThatThrownBy(() -> PolicyOverride.parse(Map.of("queueColour", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown policy key 'queueColour'");
        assertThatThrownBy(() -> PolicyOverride.parse(Map.of("phoneAnswerSeconds", 0)))
                .hasMessageContaining("'phoneAnswerSeconds' (T1) must be between 1 and 600, was 0");
        assertThatThrownBy(() -> PolicyOverride.parse(Map.of("priorityTargetWaitMinutes", 481)))
                .hasMessageContaining("between 1 and 480");
        assertThatThrownBy(() -> PolicyOverride.parse(Map.of())).hasMessageContaining("no policy override");
    }

    @Test
    void shouldTravelInTheReplaysSettings() {
        ReplayScope scope = new ReplayScope("UM-A", Instant.parse("2026-11-16T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z"), T1_20S_T3_4H);
        Map<String, Object> appConfigs = new LinkedHashMap<>(scope.settings());
        appConfigs.put("application.id", "okienko-whatif-x");

        assertThat(ReplayScope.of(appConfigs)).contains(scope);
        assertThat(ReplayScope.of(Map.of("application.id", "okienko-phone"))).isEmpty();
        assertThat(scope.covers("UM-A", Instant.parse("2026-11-16T00:00:00Z").toEpochMilli())).isTrue();
        assertThat(scope.covers("UM-A", Instant.parse("2026-11-23T00:00:00Z").toEpochMilli())).isFalse();
        assertThat(scope.covers("UM-B", Instant.parse("2026-11-17T00:00:00Z").toEpochMilli())).isFalse();
        assertThat(scope.ownsPolicyKey("UM-A/line/L1")).isTrue();
        assertThat(scope.ownsPolicyKey("UM-AB")).isFalse();
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>(List.of(pairs));
        for (int i = 0; i < list.size(); i += 2) {
            map.put((String) list.get(i), (Integer) list.get(i + 1));
        }
        return map;
    }
}
