package pl.okienko.dashboard.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key of the pseudonymisation at the edge. A configured key wins; otherwise one
 * is generated on the first start and kept in the data directory, because a key that changed between
 * restarts would stop a missed call from matching its callback (T3).
 */
public final class PseudonymisationKey {

    static final String FILE_NAME = "pseudonymisation.key";
    private static final int GENERATED_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(PseudonymisationKey.class);

    private PseudonymisationKey() {
    }

    /**
     * @param configured the configured key text (its UTF-8 bytes are the key), or blank
     * @param dataDir where a generated key is kept
     */
    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] key = new byte[GENERATED_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dataDir);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            restrictToOwner(file);
            LOG.warn("No okienko.pseudonymisation-key configured: generated one in {}. Keep it with the data; "
                    + "every instance of a cluster needs the same key (OKIENKO_PSEUDONYMISATION_KEY).", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the pseudonymisation key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot restrict permissions of {}", file, e);
        }
    }
}
