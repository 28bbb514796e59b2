package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import pl.okienko.events.phone.CallAnswered;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.queue.NoShow;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;

class EventTypesTest {

    @Test
    void shouldCoverEveryUnionBranchOfEveryFamily() {
        for (EventFamily family : EventFamily.values()) {
            List<Schema> branches = family.schema().getField(EventFamily.PAYLOAD_FIELD).schema().getTypes();
            assertThat(EventTypes.of(family)).extracting(EventType::payloadSchema).containsExactlyElementsOf(branches);
        }
        int branchCount = 0;
        for (EventFamily family : EventFamily.values()) {
            branchCount += family.schema().getField(EventFamily.PAYLOAD_FIELD).schema().getTypes().size();
        }
        assertThat(EventTypes.all()).hasSize(branchCount);
    }

    @Test
    void shouldFindTypeByWireName() {
        EventType type = EventTypes.get("ticket_issued");

        assertThat(type.family()).isEqualTo(EventFamily.QUEUE);
        assertThat(type.payloadClass()).isEqualTo(TicketIssued.class);
        assertThat(EventTypes.get("no_show").payloadClass()).isEqualTo(NoShow.class);
        assertThat(EventTypes.get("survey_response").family()).isEqualTo(EventFamily.SURVEY);
        assertThat(EventTypes.find("ticket_isued")).isEmpty();
        assertThatThrownBy(() -> EventTypes.get("nope")).hasMessageContaining("unknown event type \"nope\"");
    }

    @Test
    void shouldNameTheTypeOfAnEnvelope() {
        PhoneEvent event = PhoneEvent.newBuilder().setEventId("e-1").setOfficeId("UMJ").setOccurredAt(Samples.AT)
                .setSource("pbx").setPayload(CallAnswered.newBuilder().setCallId("c-1").build()).build();

        assertThat(EventTypes.typeName(event)).isEqualTo("call_answered");
        assertThat(EventTypes.of(event).family()).isEqualTo(EventFamily.PHONE);
        assertThat(EventFamily.of(event)).isEqualTo(EventFamily.PHONE);
    }

    @Test
    void shouldRejectARecordThatIsNotAnEnvelope() {
        assertThatThrownBy(() -> EventTypes.of(TicketIssued.newBuilder().setTicketId("A1").setQueueId("A").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an event envelope");
    }

    @Test
    void shouldConvertPascalCaseToSnakeCase() {
        assertThat(EventTypes.snakeCase("TicketIssued")).isEqualTo("ticket_issued");
        assertThat(EventTypes.snakeCase("NoShow")).isEqualTo("no_show");
        assertThat(EventTypes.snakeCase("PanicButton")).isEqualTo("panic_button");
        assertThat(EventTypes.snakeCase("SMSSent")).isEqualTo("sms_sent");
    }

    @Test
    void shouldKnowEveryFamilyByItsEnvelopeClass() {
        assertThat(EventFamily.ofEnvelopeClass(QueueEvent.class)).contains(EventFamily.QUEUE);
        assertThat(EventFamily.ofEnvelopeClass(String.class)).isEmpty();
        assertThat(EventFamily.SURVEY.id()).isEqualTo("survey");
    }
}
