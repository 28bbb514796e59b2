package pl.okienko.dashboard.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pl.okienko.dashboard.platform.config.OkienkoProperties;

/**
 * The configured API keys of building systems. Keys are held only as SHA-256 digests,
 * so a lookup compares digests and no key text stays in memory longer than configuration does.
 */
public final class ApiKeyRegistry {

    private final Map<String, ApiKeyPrincipal> byDigest = new HashMap<>();

    public ApiKeyRegistry(List<OkienkoProperties.ApiKey> keys) {
        for (OkienkoProperties.ApiKey key : keys) {
            ApiKeyPrincipal previous = byDigest.put(digest(key.key()), new ApiKeyPrincipal(key.source(), key.offices()));
            if (previous != null) {
                throw new IllegalArgumentException("the API keys of sources '" + previous.source() + "' and '"
                        + key.source() + "' are the same: give every source its own key");
            }
        }
    }

    /** The system that owns {@code key}, if it is a configured key. */
    public Optional<ApiKeyPrincipal> find(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDigest.get(digest(key.strip())));
    }

    public boolean isEmpty() {
        return byDigest.isEmpty();
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
