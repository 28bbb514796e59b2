package pl.okienko.processors.correspondence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The counters of a day of e-mail (E1, E2) or of the register (C1, E3): the long fields of its day record. What
 * one item contributes is a Java record whose components are named as those fields ({@link EmailClock.Counts},
 * {@link ComplaintDeadline.Counts}), so a day stays current by adding, field by field, what a change of an item
 * gave and took away, and days add up field by field.
 */
final class DayCounters {

    private static final ClassValue<RecordComponent[]> COUNTERS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private DayCounters() {
    }

    /** Adds {@code after − before} to the counters of {@code day} named as their components. */
    static <C extends Record> void applyChange(SpecificRecord day, C before, C after) {
        Schema schema = day.getSchema();
        for (RecordComponent counter : COUNTERS.get(before.getClass())) {
            int field = schema.getField(counter.getName()).pos();
            day.put(field, (long) day.get(field) + value(counter, after) - value(counter, before));
        }
    }

    /** Adds every counter of {@code day} to {@code sum}, a record of the same schema. */
    static void add(SpecificRecord sum, SpecificRecord day) {
        for (Schema.Field field : day.getSchema().getFields()) {
            if (field.schema().getType() == Schema.Type.LONG) {
                sum.put(field.pos(), (long) sum.get(field.pos()) + (long) day.get(field.pos()));
            }
        }
    }

    private static long value(RecordComponent counter, Record counts) {
        try {
            return (long) counter.getAccessor().invoke(counts);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read counter " + counter.getName() + " of " + counts, e);
        }
    }
}
