package pl.okienko.dashboard.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import pl.okienko.directory.Office;

/**
 * A directory file loaded at start-up ({@code okienko.directory.file}):
 * {@code {"offices":[Office...], "policies":[{"key":"UM-JED","policy":{...}}]}}. Every entry is
 * checked as the admin API checks it, and all problems are reported together.
 */
public final class DirectoryFile {

    private DirectoryFile() {
    }

    /** The offices and policies of a parsed file. */
    public record Contents(List<Office> offices, List<DirectoryService.KeyedPolicy> policies) {
    }

    /**
     * @throws InvalidDirectoryException listing every problem, each prefixed with where it is
     */
    public static Contents read(Path file, DirectoryService directory) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the directory file " + file.toAbsolutePath(), e);
        }
        String what = "directory file " + file;
        JsonNode root = DirectoryService.parse(text, what);
        if (!root.isObject()) {
            throw new InvalidDirectoryException(what, List.of("expected {\"offices\":[...], \"policies\":[...]}"));
        }
        List<String> problems = new ArrayList<>();
        List<Office> offices = new ArrayList<>();
        JsonNode officeNodes = root.path("offices");
        for (int i = 0; i < officeNodes.size(); i++) {
            JsonNode node = officeNodes.get(i);
            int index = i;
            String id = node.path("officeId").asString("");
            if (id.isBlank()) {
                problems.add("offices[" + i + "]: officeId is missing");
                continue;
            }
            try {
                offices.add(directory.office(node, id));
            } catch (InvalidDirectoryException e) {
                e.problems().forEach(p -> problems.add("offices[" + index + "] (" + id + "): " + p));
            }
        }
        List<DirectoryService.KeyedPolicy> policies = new ArrayList<>();
        JsonNode policyNodes = root.path("policies");
        for (int i = 0; i < policyNodes.size(); i++) {
            JsonNode node = policyNodes.get(i);
            int index = i;
            try {
                PolicyKey key = PolicyKey.parse(node.path("key").asString(""));
                policies.add(new DirectoryService.KeyedPolicy(key, directory.policy(node.path("policy"), key)));
            } catch (InvalidDirectoryException e) {
                e.problems().forEach(p -> problems.add("policies[" + index + "]: " + p));
            } catch (IllegalArgumentException e) {
                problems.add("policies[" + i + "]: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(what, problems);
        }
        return new Contents(offices, policies);
    }
}
