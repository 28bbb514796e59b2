package pl.okienko.schemas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import pl.okienko.schemas.serde.SchemaCatalog;

/**
 * Pseudonymisation at the edge (docs/standards.md#personal-data): phone numbers and e-mail
 * addresses are replaced by a keyed hash before anything is written to a topic, so no view, alert
 * or log holds them, while equal values still match (a missed call and the callback to the same
 * number, rule T3).
 *
 * <p>Which fields are personal is read from the schemas: a field with the property
 * {@code "personal": true}. A value becomes {@code "h:" + base64url(HMAC-SHA256(key, normalised value))};
 * values already starting with {@code "h:"} are left alone, so applying it twice changes nothing.
 * Normalisation: e-mail addresses (anything with {@code @}) are trimmed and lower-cased; phone
 * numbers become {@code +} and digits, {@code 00} read as {@code +}, and a bare 9-digit number as a
 * Polish national number ({@code +48}, Poland's closed numbering plan), so the same line matches
 * however the phone system wrote it.
 */
public final class PersonalData {

    /** Prefix of every pseudonym. */
    public static final String PREFIX = "h:";

    /** Schema field property that marks a personal field. */
    public static final String PERSONAL_PROPERTY = "personal";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;
    private static final Map<Schema, Boolean> HOLDS_PERSONAL = new ConcurrentHashMap<>();

    static {
        // Copying generated records resolves their classes by name, which Avro 1.12 allows only for trusted packages.
        SchemaCatalog.instance();
    }

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    /**
     * @param key the secret HMAC key, at least 16 bytes (32 random bytes recommended); the same key
     *     must be used everywhere events enter, or pseudonyms of the same number will not match
     */
    public PersonalData(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            // Phone numbers are few enough to enumerate: only a long secret key keeps pseudonyms from being reversed.
            throw new IllegalArgumentException("pseudonymisation key must have at least " + MIN_KEY_BYTES
                    + " bytes (32 random bytes recommended), has " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * A copy of the record with every personal field pseudonymised (nested records included); the
     * record itself when its schema has no personal field. The argument is never modified.
     */
    public <T extends SpecificRecord> T pseudonymise(T record) {
        if (record == null || !holdsPersonal(record.getSchema())) {
            return record;
        }
        Schema schema = record.getSchema();
        @SuppressWarnings("unchecked")
        T copy = (T) SpecificData.getForSchema(schema).deepCopy(schema, record);
        replaceIn(copy);
        return copy;
    }

    /** The pseudonym of one value; {@code null}, blank and already pseudonymised values are returned as they are. */
    public String pseudonym(String value) {
        if (value == null || value.isBlank() || value.startsWith(PREFIX)) {
            return value;
        }
        byte[] digest = mac.get().doFinal(normalise(value).getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** The canonical form hashed for a value: lower-cased e-mail address or {@code +digits} phone number. */
    public static String normalise(String value) {
        String trimmed = value.strip();
        if (trimmed.indexOf('@') >= 0) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        if (trimmed.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.length() == 9) {
            return "+48" + digits;
        }
        return "+" + digits;
    }

    /** Whether a schema field is marked personal. */
    public static boolean isPersonal(Schema.Field field) {
        return Boolean.TRUE.equals(field.getObjectProp(PERSONAL_PROPERTY));
    }

    /** The personal fields reachable from a schema, as {@code Record.field} (e.g. {@code CallOffered.callerNumber}). */
    public static List<String> personalFields(Schema schema) {
        return RecordFields.matching(List.of(schema), PersonalData::isPersonal);
    }

    private static boolean holdsPersonal(Schema schema) {
        return HOLDS_PERSONAL.computeIfAbsent(schema, s -> !personalFields(s).isEmpty());
    }

    private void replaceIn(IndexedRecord record) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value == null) {
                continue;
            }
            if (isPersonal(field)) {
                record.put(field.pos(), replaceValue(value));
            } else {
                descend(value);
            }
        }
    }

    private Object replaceValue(Object value) {
        if (value instanceof CharSequence text) {
            return pseudonym(text.toString());
        }
        if (value instanceof List<?> list) {
            List<Object> replaced = new ArrayList<>(list.size());
            list.forEach(element -> replaced.add(replaceValue(element)));
            return replaced;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> replaced = new LinkedHashMap<>();
            map.forEach((k, v) -> replaced.put(k, replaceValue(v)));
            return replaced;
        }
        return value;
    }

    private void descend(Object value) {
        if (value instanceof IndexedRecord nested) {
            replaceIn(nested);
        } else if (value instanceof List<?> list) {
            list.forEach(this::descend);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(this::descend);
        }
    }

    private Mac newMac() {
        try {
            Mac instance = Mac.getInstance(ALGORITHM);
            instance.init(key);
            return instance;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "PersonalData[key hidden]";
    }
}
