package pl.okienko.processors.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.incidents.state.IncidentState;
import pl.okienko.schemas.serde.AvroSerde;
import pl.okienko.schemas.serde.SchemaCatalog;

/**
 * The incident store's records outlive a release (I1): a state written before the police step and the
 * resolution's note existed reads with none of them, so a restarted application keeps its incidents.
 */
class IncidentStateVersionsTest {

    @Test
    void shouldReadAnIncidentStoredWithTheReleasedV1SchemaAsNoPoliceStepAndNoNote() throws IOException {
        Schema v1 = SchemaCatalog.instance().releasedVersions().stream()
                .filter(s -> s.getFullName().equals(IncidentState.getClassSchema().getFullName()))
                .findFirst().orElseThrow();
        assertThat(v1.getField("note")).as("v1 has no note").isNull();
        GenericRecord stored = new GenericData.Record(v1);
        v1.getFields().stream().filter(Schema.Field::hasDefaultValue)
                .forEach(field -> stored.put(field.name(), GenericData.get().getDefaultValue(field)));
        stored.put("incidentId", "i1");
        stored.put("level", 3);
        stored.put("outcome", "CALMED");
        stored.put("resolvedAt", 1_000L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(stored, bytes);

        IncidentState read = AvroSerde.of(IncidentState.class).fromBytes(bytes.toByteArray());

        assertThat(read.getIncidentId()).isEqualTo("i1");
        assertThat(read.getLevel()).isEqualTo(3);
        assertThat(read.getOutcome()).isEqualTo("CALMED");
        assertThat(read.getNote()).isNull();
        assertThat(read.getResolvedBy()).isNull();
        assertThat(read.getPoliceNotifiedAt()).isNull();
        assertThat(read.getPoliceNotifiedBy()).isNull();
    }
}
