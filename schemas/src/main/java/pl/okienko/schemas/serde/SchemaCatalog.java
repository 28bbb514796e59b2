package pl.okienko.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Every released version of every Okienko schema, so that a reader can resolve any record by the
 * writer-schema fingerprint that Avro's single-object encoding puts in front of it.
 *
 * <p>Older versions live as resources under {@code pl/okienko/schemas/released/}, listed in
 * {@code index.txt}; current versions are added by the serdes from the generated classes.
 */
public final class SchemaCatalog {

    private static final String RELEASED = "/pl/okienko/schemas/released/";

    static {
        // Avro 1.12 refuses to instantiate generated classes outside trusted packages.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(), type -> type.getName().startsWith("pl.okienko.")));
    }

    private static final SchemaCatalog INSTANCE = new SchemaCatalog(loadReleased());

    private final SchemaStore.Cache store = new SchemaStore.Cache();
    private final List<Schema> released;

    private SchemaCatalog(List<Schema> released) {
        this.released = Collections.unmodifiableList(released);
        released.forEach(store::addSchema);
    }

    public static SchemaCatalog instance() {
        return INSTANCE;
    }

    /** Registers a current schema (idempotent) and returns the store resolving every known version. */
    public SchemaStore.Cache storeWith(Schema current) {
        store.addSchema(current);
        return store;
    }

    /** The older, released versions (not the current ones), in index order. */
    public List<Schema> releasedVersions() {
        return released;
    }

    private static List<Schema> loadReleased() {
        List<Schema> schemas = new ArrayList<>();
        try (InputStream index = SchemaCatalog.class.getResourceAsStream(RELEASED + "index.txt")) {
            if (index == null) {
                return schemas;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String path = line.strip();
                if (path.isEmpty() || path.startsWith("#")) {
                    continue;
                }
                try (InputStream in = Objects.requireNonNull(
                        SchemaCatalog.class.getResourceAsStream(RELEASED + path), "missing released schema " + path)) {
                    schemas.add(new Schema.Parser().parse(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }
}
