package pl.okienko.dashboard.platform.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.config.OkienkoProperties.ApiKey;
import pl.okienko.dashboard.platform.config.OkienkoProperties.Role;
import pl.okienko.dashboard.platform.config.OkienkoProperties.User;

/**
 * The people and building systems that may use this instance: the configured ones, plus generated
 * accounts where nothing is configured so that a first start is usable. Generated credentials are
 * random and listed in {@link #generated()} for the start-up banner.
 *
 * @param users the people who sign in
 * @param apiKeys the building systems that send events
 * @param generated one line per generated credential, e.g. {@code admin / Xy3...}
 */
public record Accounts(List<User> users, List<ApiKey> apiKeys, List<String> generated) {

    static final String ADMIN = "admin";
    static final String SUPERVISOR = "supervisor";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Accounts {
        users = List.copyOf(users);
        apiKeys = List.copyOf(apiKeys);
        generated = List.copyOf(generated);
    }

    /**
     * @param demoOffice the office the demo supervisor looks after
     */
    public static Accounts of(OkienkoProperties properties, String demoOffice) {
        List<User> users = new ArrayList<>(properties.security().users());
        List<ApiKey> keys = new ArrayList<>(properties.apiKeys());
        List<String> generated = new ArrayList<>();
        String adminPassword = properties.security().adminPassword();
        boolean adminConfigured = users.stream().anyMatch(u -> u.username().equals(ADMIN));
        if (adminPassword != null && !adminPassword.isBlank() && !adminConfigured) {
            users.add(new User(ADMIN, adminPassword, List.of(Role.ADMIN), List.of(ApiKeyPrincipal.ANY)));
        }
        boolean demo = properties.demo().enabled();
        if (users.isEmpty()) {
            String password = randomSecret(12);
            users.add(new User(ADMIN, password, List.of(Role.ADMIN), List.of(ApiKeyPrincipal.ANY)));
            generated.add("user " + ADMIN + " / " + password + " (ADMIN)");
            if (demo) {
                String supervisorPassword = randomSecret(12);
                users.add(new User(SUPERVISOR, supervisorPassword, List.of(Role.SUPERVISOR), List.of(demoOffice)));
                generated.add("user " + SUPERVISOR + " / " + supervisorPassword + " (SUPERVISOR of " + demoOffice + ")");
            }
        }
        if (keys.isEmpty() && demo) {
            String key = "demo-" + randomSecret(24);
            keys.add(new ApiKey(key, ApiKeyPrincipal.ANY, Set.of(ApiKeyPrincipal.ANY)));
            generated.add("API key (X-Api-Key) " + key + " (any source, all offices)");
        }
        return new Accounts(users, keys, generated);
    }

    static String randomSecret(int length) {
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
