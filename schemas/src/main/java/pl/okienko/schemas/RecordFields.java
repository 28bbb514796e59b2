package pl.okienko.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.avro.Schema;

/** The fields of every record a schema reaches through nested records, unions, arrays and maps, each record once. */
final class RecordFields {

    private RecordFields() {
    }

    /** The fields that pass {@code test}, as {@code Record.field} (e.g. {@code CallOffered.callerNumber}). */
    static List<String> matching(List<Schema> schemas, Predicate<Schema.Field> test) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        schemas.forEach(schema -> collect(schema, test, names, seen));
        return names;
    }

    private static void collect(Schema schema, Predicate<Schema.Field> test, List<String> names, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    if (test.test(field)) {
                        names.add(schema.getName() + "." + field.name());
                    }
                    collect(field.schema(), test, names, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, test, names, seen));
            case ARRAY -> collect(schema.getElementType(), test, names, seen);
            case MAP -> collect(schema.getValueType(), test, names, seen);
            default -> {
                // scalars hold no fields
            }
        }
    }
}
