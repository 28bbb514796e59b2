package pl.okienko.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.events.incident.EscalationTarget;
import pl.okienko.events.incident.IncidentEscalated;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.incident.IncidentOutcome;
import pl.okienko.events.incident.IncidentResolved;
import pl.okienko.events.queue.PriorityCategory;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.schemas.EventJson;

class AvroSerdeTest {

    private final AvroSerde<QueueEvent> serde = AvroSerde.of(QueueEvent.class);

    @Test
    void shouldReadAQueueEventWrittenWithTheReleasedV1Schema() {
        Schema v1 = releasedV1(QueueEvent.getClassSchema());
        Schema ticketIssuedV1 = v1.getField("payload").schema().getTypes().get(0);
        assertThat(ticketIssuedV1.getField("appointment")).as("v1 has no appointment").isNull();
        GenericRecord ticket = new GenericData.Record(ticketIssuedV1);
        ticket.put("ticketId", "A001");
        ticket.put("queueId", "A");
        ticket.put("priorityCategory", new GenericData.EnumSymbol(ticketIssuedV1.getField("priorityCategory").schema(), "PREGNANT"));
        GenericRecord event = new GenericData.Record(v1);
        event.put("eventId", "e-1");
        event.put("officeId", "UMJ");
        event.put("occurredAt", Instant.parse("2026-11-21T07:00:00Z").toEpochMilli());
        event.put("source", "qmatic-1");
        event.put("payload", ticket);
        byte[] bytes = toBytes(new BinaryMessageEncoder<>(GenericData.get(), v1), event);

        QueueEvent read = serde.fromBytes(bytes);

        TicketIssued issued = (TicketIssued) read.getPayload();
        assertThat(issued.getTicketId()).isEqualTo("A001");
        assertThat(issued.getPriorityCategory()).isEqualTo(PriorityCategory.PREGNANT);
        assertThat(issued.getAppointment()).isFalse();
        assertThat(read.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
    }

    @Test
    void shouldReadAPolicyWrittenWithTheReleasedV1SchemaAsNotAllowingUnlistedUnits() {
        Schema v1 = releasedV1(Policy.getClassSchema());
        assertThat(v1.getField("autoRegisterUnits")).as("v1 has no autoRegisterUnits").isNull();
        GenericRecord policy = new GenericData.Record(v1);
        policy.put("officeId", "UM-JED");
        policy.put("scope", new GenericData.EnumSymbol(v1.getField("scope").schema(), "OFFICE"));
        policy.put("queueWaitingLimit", 12);

        Policy read = AvroSerde.of(Policy.class).fromBytes(toBytes(new BinaryMessageEncoder<>(GenericData.get(), v1), policy));

        assertThat(read.getQueueWaitingLimit()).isEqualTo(12);
        assertThat(read.getAutoRegisterUnits()).isNull();
    }

    @Test
    void shouldReadAnOfficeWrittenWithTheReleasedV1SchemaAsKeepingPolishHolidaysAndNoOwnDaysOff() {
        Schema v1 = releasedV1(Office.getClassSchema());
        assertThat(v1.getField("holidays")).as("v1 has no holidays").isNull();
        Schema hoursV1 = v1.getField("businessHours").schema().getElementType();
        GenericRecord monday = new GenericData.Record(hoursV1);
        monday.put("dayOfWeek", 1);
        monday.put("opens", "07:30");
        monday.put("closes", "17:00");
        GenericRecord office = new GenericData.Record(v1);
        office.put("officeId", "UM-JED");
        office.put("name", "Urząd Miejski w Jędrzejowie");
        office.put("timeZone", "Europe/Warsaw");
        office.put("businessHours", List.of(monday));
        for (String units : List.of("departments", "queues", "desks", "phoneLines", "mailboxes")) {
            office.put(units, List.of());
        }

        Office read = AvroSerde.of(Office.class).fromBytes(toBytes(new BinaryMessageEncoder<>(GenericData.get(), v1), office));

        assertThat(read.getHolidays()).isEqualTo("PL");
        assertThat(read.getDaysOff()).isEmpty();
        assertThat(read.getBusinessHours().get(0).getCloses()).isEqualTo("17:00");
    }

    @Test
    void shouldReadIncidentEventsWrittenWithTheReleasedV1SchemaAsNamingNobodyAndNoNote() {
        Schema v1 = releasedV1(IncidentEvent.getClassSchema());
        Schema escalatedV1 = v1.getField("payload").schema().getTypes().get(2);
        Schema resolvedV1 = v1.getField("payload").schema().getTypes().get(4);
        assertThat(escalatedV1.getField("by")).as("v1 has no escalated.by").isNull();
        assertThat(resolvedV1.getField("note")).as("v1 has no resolved.note").isNull();
        GenericRecord escalated = new GenericData.Record(escalatedV1);
        escalated.put("incidentId", "i-1");
        escalated.put("to", new GenericData.EnumSymbol(escalatedV1.getField("to").schema(), "POLICE"));
        GenericRecord resolved = new GenericData.Record(resolvedV1);
        resolved.put("incidentId", "i-1");
        resolved.put("outcome", new GenericData.EnumSymbol(resolvedV1.getField("outcome").schema(), "CALMED"));
        AvroSerde<IncidentEvent> incidents = AvroSerde.of(IncidentEvent.class);

        IncidentEvent police = incidents.fromBytes(toBytes(new BinaryMessageEncoder<>(GenericData.get(), v1),
                incidentEventV1(v1, "e-1", escalated)));
        IncidentEvent over = incidents.fromBytes(toBytes(new BinaryMessageEncoder<>(GenericData.get(), v1),
                incidentEventV1(v1, "e-2", resolved)));

        IncidentEscalated readEscalated = (IncidentEscalated) police.getPayload();
        assertThat(readEscalated.getTo()).isEqualTo(EscalationTarget.POLICE);
        assertThat(readEscalated.getBy()).isNull();
        IncidentResolved readResolved = (IncidentResolved) over.getPayload();
        assertThat(readResolved.getOutcome()).isEqualTo(IncidentOutcome.CALMED);
        assertThat(readResolved.getBy()).isNull();
        assertThat(readResolved.getNote()).isNull();
    }

    private static GenericRecord incidentEventV1(Schema v1, String eventId, GenericRecord payload) {
        GenericRecord event = new GenericData.Record(v1);
        event.put("eventId", eventId);
        event.put("officeId", "UM-JED");
        event.put("occurredAt", Instant.parse("2026-11-21T07:00:00Z").toEpochMilli());
        event.put("source", "console");
        event.put("payload", payload);
        return event;
    }

    @Test
    void shouldRejectGarbageBytes() {
        assertThatThrownBy(() -> serde.fromBytes("definitely not avro".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("not an Avro single-object encoded QueueEvent");
    }

    @Test
    void shouldRejectAnUnknownFingerprint() {
        ByteBuffer bytes = ByteBuffer.allocate(20);
        bytes.put((byte) 0xC3).put((byte) 0x01).putLong(0x0123456789ABCDEFL).put(new byte[10]);

        assertThatThrownBy(() -> serde.fromBytes(bytes.array()))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("unknown writer schema for QueueEvent");
    }

    @Test
    void shouldRejectATruncatedBody() {
        byte[] whole = serde.toBytes((QueueEvent) EventJson.decode("""
                {"eventId":"e-1","type":"ticket_issued","officeId":"UMJ","occurredAt":"2026-11-21T08:00:00+01:00",\
                "source":"qmatic-1","ticketId":"A001","queueId":"A"}"""));
        byte[] truncated = Arrays.copyOf(whole, 14);

        assertThatThrownBy(() -> serde.fromBytes(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot decode QueueEvent");
    }

    private static Schema releasedV1(Schema current) {
        return SchemaCatalog.instance().releasedVersions().stream()
                .filter(s -> s.getFullName().equals(current.getFullName()))
                .findFirst().orElseThrow();
    }

    private static byte[] toBytes(BinaryMessageEncoder<GenericRecord> encoder, GenericRecord record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
