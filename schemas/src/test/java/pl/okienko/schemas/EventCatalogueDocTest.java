package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/events.md}, the integrators' catalogue of every event type, in step with the
 * schemas: the page is rendered from them, and this test fails while the file differs. After a
 * schema change, {@code ./mvnw -pl schemas test -Dtest=EventCatalogueDocTest -Dokienko.pin.update=true}
 * rewrites it. Every example in it is a sample event that {@link EventJson} accepts.
 */
class EventCatalogueDocTest {

    private static final Path DOC = Path.of("..", "docs", "events.md");

    @Test
    void shouldKeepTheEventCatalogueInStepWithTheSchemas() throws Exception {
        String rendered = render();
        if (Boolean.getBoolean("okienko.pin.update")) {
            Files.writeString(DOC, rendered);
        }
        assertThat(Files.readString(DOC)).as("docs/events.md is generated; see this test's Javadoc").isEqualTo(rendered);
    }

    @Test
    void shouldListOnlyExamplesThatTheApiAccepts() {
        for (EventType type : EventTypes.all()) {
            String example = EventJson.encodeToString(Samples.full(type));
            assertThat(EventTypes.typeName(EventJson.decode(example))).isEqualTo(type.name());
        }
    }

    /** The contract's limits (EventContract), stated once: the API and every topology apply the same. */
    static String limits() {
        return "## Limits\n\n"
                + "The same contract (`EventContract`) is checked by `POST /api/v1/events` before it answers 202 and by\n"
                + "every topology on what it reads from a topic; an event over a limit is refused with 400 naming the\n"
                + "field and the limit (a body over the size limit with 413), and a record written straight to Kafka\n"
                + "that breaks it goes to `okienko.deadletter` with the reason.\n\n"
                + "| what | limit |\n|---|---|\n"
                + "| an id (`officeId`, `eventId`, `source`, every `…Id`, the items of `queueIds`, survey question keys) | "
                + EventContract.MAX_ID_CHARS + " characters, not blank, no `" + EventContract.KEY_SEPARATOR
                + "` (it joins ids in keys), no control characters |\n"
                + "| a *personal* field (phone number, e-mail address), before pseudonymisation | "
                + EventContract.MAX_PERSONAL_CHARS + " characters, not blank |\n"
                + "| any other text | " + EventContract.MAX_TEXT_CHARS + " characters, not blank |\n"
                + "| an optional field | left out or `null`; never an empty or blank string |\n"
                + "| a list or map field | " + EventContract.MAX_ITEMS + " items |\n"
                + "| one event | " + EventContract.MAX_EVENT_SIZE + " characters of JSON and " + EventContract.MAX_EVENT_SIZE
                + " bytes Avro-encoded (the API checks both, a topology the encoded record; text outside ASCII takes up to "
                + "4 bytes a character) |\n"
                + "| a request body | 10 MB and 100,000 lines (413 above; a body of up to 20 MB is read to its end so that its "
                + "sender gets the 413, a larger one may see the connection closed instead), valid UTF-8 |\n"
                + "| an instant | RFC 3339 (`T` and `Z` upper-case, offset `±HH:MM`, not `-00:00`), between "
                + EventContract.EARLIEST + " and " + EventContract.LATEST + " |\n"
                + "| `occurredAt` | at most " + EventContract.MAX_FUTURE.toHours() + " hours ahead of the receiving clock; "
                + "any time in the past from " + EventContract.EARLIEST + " (a replay of old events is accepted); the event "
                + "and alerts topics are created with the same window and an hour to spare (`message.timestamp.after.max.ms`, "
                + (EventContract.MAX_FUTURE.toHours() + 1) + " hours), the dead-letter topic with no limit, and Kafka Streams' "
                + "changelogs are stamped by the broker (`LogAppendTime`), so the broker never refuses what the API "
                + "accepted, nor what a topology writes (changelogs created by an earlier version keep `CreateTime`, "
                + "under which a replay's old event times roll their segments: set `message.timestamp.type` to "
                + "`LogAppendTime` on them with `kafka-configs --alter`). Topics created by an earlier version keep the broker's default (an hour "
                + "ahead): raise `message.timestamp.after.max.ms` on them (the start logs each difference from the "
                + "catalogue) |\n"
                + "| integers | the bounds given in the tables below (`announcedMinutes` 0–1440, `level` 1–4, scores 1–5, "
                + "`rings` ≥ 0) |\n\n";
    }

    static String render() {
        StringBuilder s = new StringBuilder();
        s.append("# Event catalogue\n\n");
        s.append("Every event a building system can send, family by family, generated from the Avro schemas in\n");
        s.append("`schemas/src/main/avro/` (`EventCatalogueDocTest` fails the build while this page and the schemas\n");
        s.append("differ). Send events as JSON to `POST /api/v1/events` (see the README) or, Avro-encoded, straight\n");
        s.append("to the family's topic (see [wire-format.md](wire-format.md)); `GET /api/v1/schemas` serves the\n");
        s.append("schemas themselves. Rule IDs (Q1 … S1) are explained in [standards.md](standards.md).\n\n");
        s.append("Times are RFC 3339 with an offset or `Z` (`2026-11-21T08:03:12+01:00`). Optional fields may be\n");
        s.append("left out. Fields marked *personal* are pseudonymised (keyed HMAC) when the event is accepted,\n");
        s.append("before anything is written. Unknown fields, unknown types and values out of range are refused\n");
        s.append("with a message that names the field.\n\n");
        s.append(limits());
        s.append("## Fields of every event\n\n");
        s.append("| field | type | required | meaning |\n|---|---|---|---|\n");
        Schema envelope = EventFamily.QUEUE.schema();
        for (Schema.Field field : envelope.getFields()) {
            if (field.name().equals(EventFamily.PAYLOAD_FIELD)) {
                continue;
            }
            s.append(row(field));
            if (field.pos() == 0) {
                s.append("| `").append(EventJson.TYPE_FIELD).append("` | string | yes | the event type, e.g. `ticket_issued` |\n");
            }
        }
        for (EventFamily family : EventFamily.values()) {
            s.append("\n## ").append(title(family)).append("\n\n").append(oneLine(family.schema().getDoc())).append("\n");
            for (EventType type : EventTypes.of(family)) {
                s.append("\n### `").append(type.name()).append("`\n\n");
                if (type.payloadSchema().getDoc() != null) {
                    s.append(oneLine(type.payloadSchema().getDoc())).append("\n\n");
                }
                s.append("| field | type | required | meaning |\n|---|---|---|---|\n");
                type.payloadSchema().getFields().forEach(field -> s.append(row(field)));
                SpecificRecord sample = Samples.full(type);
                s.append("\n```json\n").append(EventJson.encodeToString(sample)).append("\n```\n");
            }
        }
        s.append(DIRECTORY_CHECK);
        return s.toString();
    }

    /** How {@code POST /api/v1/events} checks events against the directory (dashboard's {@code DirectoryCheck}). */
    private static final String DIRECTORY_CHECK = """

            ## Checked against the directory

            `POST /api/v1/events` checks every event against the office directory (the directory file loaded
            at start, the demo's offices, `PUT /api/v1/admin/offices/{officeId}`) before anything is written. A
            line that fails is a bad line of the batch like any other: `400 {"errors":[{"line":k,"message":...}]}`
            and nothing is written.

            - An event for an office the directory does not hold is refused, naming the office.
            - An event naming a queue (`queueId`, `toQueueId`, `queueIds`), desk (`deskId`), phone line
              (`lineId`) or mailbox (`mailboxId`) that its office does not list is refused, naming it, unless the
              office's policy sets `autoRegisterUnits` to `true` (`PUT /api/v1/admin/policies/{officeId}`
              `{"autoRegisterUnits":true}`, office scope only). Such a unit is then known by its id, as it
              always was before this check.
            - The default is `false`: an office lists its queues before it sends tickets, and a mistyped queue
              must not open a queue card and raise its alerts. Once an office lists any desk (line, mailbox),
              that list is taken as complete; a kind it lists none of is not checked, so an office that has
              registered its queues but not yet its desks or lines is not refused for them.
            - Incident events (`incident_*`, `panic_button`) are checked for their office only: a panic button
              at a desk missing from the directory still reaches security.
            - Departments (`departmentId`) are not checked.

            The directory is read as the topologies hold it, once per office per batch: a change made through the
            admin API applies to ingestion within moments, as it does to the views.
            """;

    private static String title(EventFamily family) {
        String id = family.id();
        return Character.toUpperCase(id.charAt(0)) + id.substring(1) + " events";
    }

    private static String row(Schema.Field field) {
        boolean optional = field.hasDefaultValue() || nullable(field.schema());
        String meaning = field.doc() == null ? "" : oneLine(field.doc());
        if (PersonalData.isPersonal(field)) {
            meaning = "*personal*" + (meaning.isEmpty() ? "" : "; " + meaning);
        }
        if (field.hasDefaultValue() && !nullable(field.schema())) {
            meaning = (meaning.isEmpty() ? "" : meaning + " ") + "Default " + defaultValue(field) + ".";
        }
        return "| `" + field.name() + "` | " + type(field, field.schema()) + " | " + (optional ? "no" : "yes") + " | "
                + meaning.replace("|", "\\|") + " |\n";
    }

    private static String defaultValue(Schema.Field field) {
        Object value = field.defaultVal();
        return "`" + value + "`";
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    private static String type(Schema.Field field, Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL)
                    .map(s -> type(field, s)).collect(Collectors.joining(" or "));
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case INT, LONG -> "timestamp-millis".equals(schema.getProp("logicalType")) ? "time" : integer(field);
            case DOUBLE, FLOAT -> "number";
            case ENUM -> "one of " + schema.getEnumSymbols().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
            case ARRAY -> "list of " + type(field, schema.getElementType());
            case MAP -> "object of " + type(field, schema.getValueType());
            case RECORD -> "object {" + schema.getFields().stream()
                    .map(f -> f.name() + ": " + type(f, f.schema())).collect(Collectors.joining(", ")) + "}";
            default -> schema.getType().getName();
        };
    }

    private static String integer(Schema.Field field) {
        Object min = field.getObjectProp("minimum");
        Object max = field.getObjectProp("maximum");
        if (min == null && max == null) {
            return "integer";
        }
        return "integer " + (min == null ? "" : min) + "…" + (max == null ? "" : max);
    }

    private static String oneLine(String text) {
        return List.of(text.split("\\s*\\n\\s*")).stream().collect(Collectors.joining(" ")).strip();
    }
}
