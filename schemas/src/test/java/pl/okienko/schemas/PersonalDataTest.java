package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import pl.okienko.events.email.EmailEvent;
import pl.okienko.events.email.EmailReceived;
import pl.okienko.events.phone.CallOffered;
import pl.okienko.events.phone.OutboundCall;
import pl.okienko.events.phone.PhoneEvent;
import pl.okienko.events.queue.QueueEvent;

class PersonalDataTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private final PersonalData personalData = new PersonalData(KEY);

    @Test
    void shouldGiveTheSamePseudonymForTheSameNumberHoweverWritten() {
        String pseudonym = personalData.pseudonym("+48 600 100 200");

        assertThat(pseudonym).startsWith("h:").hasSize(2 + 43);
        assertThat(personalData.pseudonym("+48600100200")).isEqualTo(pseudonym);
        assertThat(personalData.pseudonym("0048 600-100-200")).isEqualTo(pseudonym);
        assertThat(personalData.pseudonym("600 100 200")).isEqualTo(pseudonym);
        assertThat(new PersonalData(KEY.clone()).pseudonym("+48600100200")).isEqualTo(pseudonym);
    }

    @Test
    void shouldGiveADifferentPseudonymUnderADifferentKey() {
        assertThat(new PersonalData(OTHER_KEY).pseudonym("+48600100200"))
                .isNotEqualTo(personalData.pseudonym("+48600100200"));
        assertThat(personalData.pseudonym("+48600100201")).isNotEqualTo(personalData.pseudonym("+48600100200"));
    }

    @Test
    void shouldLowerCaseEmailAddresses() {
        assertThat(personalData.pseudonym(" Jan.Kowalski@Example.PL ")).isEqualTo(personalData.pseudonym("jan.kowalski@example.pl"));
    }

    @Test
    void shouldPseudonymiseOnlyPersonalFieldsOfAnEnvelope() {
        PhoneEvent event = phone(CallOffered.newBuilder().setCallId("c-1").setLineId("L1").setCallerNumber("+48 600 100 200").build());

        PhoneEvent result = personalData.pseudonymise(event);

        CallOffered call = (CallOffered) result.getPayload();
        assertThat(call.getCallerNumber()).isEqualTo(personalData.pseudonym("+48600100200"));
        assertThat(call.getCallId()).isEqualTo("c-1");
        assertThat(call.getLineId()).isEqualTo("L1");
        assertThat(result.getEventId()).isEqualTo(event.getEventId());
        assertThat(result.getOfficeId()).isEqualTo(event.getOfficeId());
        assertThat(((CallOffered) event.getPayload()).getCallerNumber()).as("input untouched").isEqualTo("+48 600 100 200");
    }

    @Test
    void shouldMatchAMissedCallerWithTheCalleeOfTheCallback() {
        PhoneEvent offered = personalData.pseudonymise(
                phone(CallOffered.newBuilder().setCallId("c-1").setLineId("L1").setCallerNumber("600100200").build()));
        PhoneEvent outbound = personalData.pseudonymise(
                phone(OutboundCall.newBuilder().setCallId("c-2").setCalleeNumber("+48 600 100 200").setConnected(true).build()));

        assertThat(((OutboundCall) outbound.getPayload()).getCalleeNumber())
                .isEqualTo(((CallOffered) offered.getPayload()).getCallerNumber());
    }

    @Test
    void shouldBeIdempotent() {
        EmailEvent event = EmailEvent.newBuilder().setEventId("e-1").setOfficeId("UMJ").setOccurredAt(Samples.AT).setSource("mail")
                .setPayload(EmailReceived.newBuilder().setMessageId("m-1").setMailboxId("bok").setSenderAddress("a@b.pl").build())
                .build();

        EmailEvent once = personalData.pseudonymise(event);

        assertThat(personalData.pseudonymise(once)).isEqualTo(once);
        assertThat(((EmailReceived) once.getPayload()).getSenderAddress()).isNotEqualTo("a@b.pl").startsWith("h:");
    }

    @Test
    void shouldLeaveNullAndRecordsWithoutPersonalFieldsAlone() {
        PhoneEvent withheld = phone(CallOffered.newBuilder().setCallId("c-1").setLineId("L1").build());
        QueueEvent queue = (QueueEvent) Samples.full(EventTypes.get("ticket_issued"));

        assertThat(personalData.pseudonymise(withheld)).isEqualTo(withheld);
        assertThat(personalData.pseudonymise(queue)).isSameAs(queue);
    }

    @Test
    void shouldFindPersonalFieldsFromTheSchemaProperty() {
        assertThat(PersonalData.personalFields(PhoneEvent.getClassSchema()))
                .containsExactlyInAnyOrder("CallOffered.callerNumber", "CallbackPromised.callerNumber", "OutboundCall.calleeNumber");
        assertThat(PersonalData.personalFields(EmailEvent.getClassSchema())).containsExactly("EmailReceived.senderAddress");
        assertThat(PersonalData.personalFields(QueueEvent.getClassSchema())).isEmpty();
    }

    @Test
    void shouldRejectAShortKey() {
        assertThatThrownBy(() -> new PersonalData(new byte[8])).hasMessageContaining("at least 16 bytes");
    }

    private static PhoneEvent phone(Object payload) {
        return PhoneEvent.newBuilder().setEventId("e-1").setOfficeId("UMJ").setOccurredAt(Samples.AT).setSource("pbx")
                .setPayload(payload).build();
    }
}
