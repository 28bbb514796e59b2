package pl.okienko.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Builds a sample envelope of any event type from the schemas alone, so new types are tested without new code. */
final class Samples {

    static final Instant AT = Instant.parse("2026-11-21T07:15:30.123Z");

    private Samples() {
    }

    /** Every field set, optional ones included. */
    static SpecificRecord full(EventType type) {
        return envelope(type, true);
    }

    /** Optional fields left null. */
    static SpecificRecord minimal(EventType type) {
        return envelope(type, false);
    }

    private static SpecificRecord envelope(EventType type, boolean fillOptional) {
        Schema schema = type.family().schema();
        IndexedRecord envelope = (IndexedRecord) SpecificData.getForSchema(schema).newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            Object value = field.name().equals(EventFamily.PAYLOAD_FIELD)
                    ? record(type.payloadSchema(), fillOptional)
                    : value(field, field.schema(), fillOptional);
            envelope.put(field.pos(), value);
        }
        return (SpecificRecord) envelope;
    }

    private static IndexedRecord record(Schema schema, boolean fillOptional) {
        SpecificData model = SpecificData.getForSchema(schema);
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), value(field, field.schema(), fillOptional));
        }
        return record;
    }

    private static Object value(Schema.Field field, Schema schema, boolean fillOptional) {
        switch (schema.getType()) {
            case UNION: {
                if (!fillOptional) {
                    return null;
                }
                Schema branch = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
                return value(field, branch, true);
            }
            case RECORD:
                return record(schema, fillOptional);
            case ENUM: {
                List<String> symbols = schema.getEnumSymbols();
                return SpecificData.get().createEnum(symbols.get(symbols.size() - 1), schema);
            }
            case ARRAY:
                return List.of(value(field, schema.getElementType(), fillOptional));
            case MAP:
                return Map.of("q1", value(field, schema.getValueType(), fillOptional));
            case STRING:
                return PersonalData.isPersonal(field) ? "+48 600 100 200" : field.name() + "-1";
            case INT:
                return field.getObjectProp("maximum") instanceof Number max ? max.intValue() : 2;
            case LONG:
                return "timestamp-millis".equals(schema.getProp("logicalType")) ? AT : 3L;
            case BOOLEAN:
                return true;
            default:
                throw new IllegalArgumentException("no sample for " + schema.getType());
        }
    }
}
