package pl.okienko.dashboard.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import pl.okienko.dashboard.platform.kafka.RecordPublisher;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.schemas.AvroJson;
import pl.okienko.schemas.InvalidRecordException;
import pl.okienko.topics.Topics;

/**
 * Reads, checks and publishes directory entries and policies. Everything goes through
 * the compacted topics, which the topologies read, so a change applies live on every instance.
 */
@Service
public class DirectoryService {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final RecordPublisher publisher;

    public DirectoryService(RecordPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Reads an office from its JSON form; {@code officeId} may be left out and then is {@code expectedId}.
     *
     * @throws InvalidDirectoryException naming every problem
     */
    public Office office(JsonNode json, String expectedId) {
        ObjectNode object = requireObject(json, "office " + expectedId);
        String problem = fill(object, "officeId", expectedId);
        if (problem != null) {
            throw new InvalidDirectoryException("office " + expectedId, List.of(problem));
        }
        Office office = decode(object, Office.class, "office " + expectedId);
        List<String> problems = DirectoryValidation.problems(office);
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException("office " + expectedId, problems);
        }
        return office;
    }

    /**
     * Reads a policy for {@code key}; officeId, scope and scopeId come from the key and, when given in
     * the body, must agree with it.
     *
     * @throws InvalidDirectoryException naming every problem
     */
    public Policy policy(JsonNode json, PolicyKey key) {
        String what = "policy " + key;
        ObjectNode object = requireObject(json, what);
        List<String> problems = new ArrayList<>();
        addIfPresent(problems, fill(object, "officeId", key.officeId()));
        addIfPresent(problems, fill(object, "scope", key.scope().name()));
        addIfPresent(problems, fill(object, "scopeId", key.scopeId()));
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(what, problems);
        }
        Policy policy = decode(object, Policy.class, what);
        problems.addAll(DirectoryValidation.problems(policy));
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(what, problems);
        }
        return policy;
    }

    /** Publishes offices and policies in one transaction. */
    public void put(List<Office> offices, List<KeyedPolicy> policies) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        offices.forEach(office -> records.add(RecordPublisher.record(Topics.OFFICES, office.getOfficeId(), office, null)));
        policies.forEach(p -> records.add(RecordPublisher.record(Topics.POLICIES, p.key().value(), p.policy(), null)));
        publisher.publish(records);
    }

    public void putPolicy(PolicyKey key, Policy policy) {
        publisher.publish(List.of(RecordPublisher.record(Topics.POLICIES, key.value(), policy, null)));
    }

    /** Removes the policy of {@code key}: a tombstone, after which the wider scope's thresholds apply. */
    public void deletePolicy(PolicyKey key) {
        publisher.publish(List.of(RecordPublisher.record(Topics.POLICIES, key.value(), (Policy) null, null)));
    }

    /** Reads a JSON text, failing with a message that says where it is not JSON. */
    public static JsonNode parse(String text, String what) {
        try {
            return JSON.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            throw new InvalidDirectoryException(what, List.of("not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /** A policy with its key, as in a directory file. */
    public record KeyedPolicy(PolicyKey key, Policy policy) {
    }

    private static ObjectNode requireObject(JsonNode json, String what) {
        if (json instanceof ObjectNode object) {
            return object.deepCopy();
        }
        throw new InvalidDirectoryException(what, List.of("expected a JSON object"));
    }

    /** Sets {@code field} to {@code expected} when absent; returns a problem when it is present and differs. */
    private static String fill(ObjectNode object, String field, String expected) {
        JsonNode given = object.get(field);
        if (given == null || given.isNull()) {
            if (expected == null) {
                object.remove(field);
            } else {
                object.put(field, expected);
            }
            return null;
        }
        String text = given.isString() ? given.stringValue() : given.toString();
        return Objects.equals(text, expected) ? null
                : field + " is '" + text + "' but the path says " + (expected == null ? "none" : "'" + expected + "'");
    }

    private static <T extends SpecificRecord> T decode(ObjectNode json, Class<T> type, String what) {
        try {
            return AvroJson.decode(json, type);
        } catch (InvalidRecordException e) {
            throw new InvalidDirectoryException(what, List.of(e.getMessage()));
        }
    }

    private static void addIfPresent(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
