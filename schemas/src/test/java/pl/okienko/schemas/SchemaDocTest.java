package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import pl.okienko.alerts.Alert;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;

/**
 * Every field of every current schema says what it means: docs/events.md and the schemas served at
 * {@code GET /api/v1/schemas} are all an integrator reads, so a field without a doc is a field they
 * must guess.
 */
class SchemaDocTest {

    @Test
    void everyFieldOfEveryEventTypeHasADoc() {
        List<Schema> envelopes = new ArrayList<>();
        for (EventFamily family : EventFamily.values()) {
            envelopes.add(family.schema());
        }

        assertThat(undocumented(envelopes)).isEmpty();
    }

    @Test
    void everyFieldOfTheDirectoryPolicyAndAlertRecordsHasADoc() {
        assertThat(undocumented(List.of(Office.getClassSchema(), Policy.getClassSchema(), Alert.getClassSchema()))).isEmpty();
    }

    @Test
    void shouldFindAFieldWithoutADocInANestedRecord() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Outer", "doc": "x", "fields": [
                  {"name": "documented", "type": "string", "doc": "It is."},
                  {"name": "items", "doc": "Nested.", "type": {"type": "array", "items": {"type": "record", "name": "Inner",
                    "fields": [{"name": "bare", "type": ["null", "string"], "default": null}]}}}
                ]}""");

        assertThat(undocumented(List.of(schema))).containsExactly("Inner.bare");
    }

    private static List<String> undocumented(List<Schema> schemas) {
        return RecordFields.matching(schemas, field -> field.doc() == null || field.doc().isBlank());
    }
}
