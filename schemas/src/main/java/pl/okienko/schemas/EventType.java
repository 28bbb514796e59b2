package pl.okienko.schemas;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event type of the integration contract: its wire name, its family and the payload
 * record that carries its fields. Built by {@link EventTypes} from the envelope schemas.
 *
 * @param name the snake_case type name used on the wire, e.g. {@code ticket_issued}
 * @param family the family whose envelope carries it
 * @param payloadSchema the payload branch of the envelope's union
 * @param payloadClass the generated class of that branch, e.g. {@code TicketIssued}
 */
public record EventType(String name, EventFamily family, Schema payloadSchema, Class<? extends SpecificRecord> payloadClass) {

    @Override
    public String toString() {
        return name;
    }
}
