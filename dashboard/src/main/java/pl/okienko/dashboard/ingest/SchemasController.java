package pl.okienko.dashboard.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.alerts.Alert;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.schemas.EventFamily;
import pl.okienko.schemas.serde.SchemaCatalog;
import pl.okienko.topics.EventTopics;
import pl.okienko.topics.Topics;

/**
 * {@code GET /api/v1/schemas} (public): every schema a building system or analyst needs to write or
 * read Okienko's topics directly, current and released versions, with the 10-byte
 * single-object header each version's records start with.
 */
@RestController
public class SchemasController {

    /** The single-object encoding marker, C3 01. */
    private static final String MARKER = "c301";

    private final List<SchemaFamily> families;

    public SchemasController(JsonMapper mapper) {
        List<SchemaFamily> list = new ArrayList<>();
        for (EventFamily family : EventFamily.values()) {
            list.add(family(mapper, family.id(), EventTopics.of(family).name(), family.schema()));
        }
        list.add(family(mapper, "office", Topics.OFFICES.name(), Office.getClassSchema()));
        list.add(family(mapper, "policy", Topics.POLICIES.name(), Policy.getClassSchema()));
        list.add(family(mapper, "alert", Topics.ALERTS.name(), Alert.getClassSchema()));
        this.families = List.copyOf(list);
    }

    /**
     * One record type.
     *
     * @param family e.g. {@code queue}, {@code office}
     * @param name the schema's full name
     * @param topic where its records are written
     * @param versions oldest first; the last one is current
     */
    public record SchemaFamily(String family, String name, String topic, List<SchemaVersion> versions) {
    }

    /**
     * @param version 1 for the first release, counting up
     * @param current whether writers use this version now
     * @param fingerprint the CRC-64-AVRO fingerprint of the parsing canonical form, as 16 hex digits
     * @param header the first 10 bytes of every record written with this version, in hex
     * @param schema the schema itself
     */
    public record SchemaVersion(int version, boolean current, String fingerprint, String header, JsonNode schema) {
    }

    @GetMapping("/api/v1/schemas")
    public List<SchemaFamily> schemas() {
        return families;
    }

    private static SchemaFamily family(JsonMapper mapper, String id, String topic, Schema current) {
        List<Schema> all = new ArrayList<>(SchemaCatalog.instance().releasedVersions().stream()
                .filter(s -> s.getFullName().equals(current.getFullName()))
                .filter(s -> fingerprint(s) != fingerprint(current))
                .toList());
        all.add(current);
        List<SchemaVersion> versions = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Schema schema = all.get(i);
            long fingerprint = fingerprint(schema);
            byte[] littleEndian = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array();
            versions.add(new SchemaVersion(i + 1, i == all.size() - 1, String.format(Locale.ROOT, "%016x", fingerprint),
                    MARKER + HexFormat.of().formatHex(littleEndian), mapper.readTree(schema.toString())));
        }
        return new SchemaFamily(id, current.getFullName(), topic, versions);
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
