package pl.okienko.dashboard.directory;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.web.Problems;
import pl.okienko.directory.Office;
import pl.okienko.directory.Policy;
import pl.okienko.schemas.AvroJson;

/**
 * The ADMIN's directory API: offices and the policies that hold the rule
 * thresholds (docs/standards.md). Writes go to the compacted topics and apply live; reads come from the topologies'
 * directory store, so a change shows there once the topology has read it.
 */
@RestController
public record AdminController(DirectoryService directory, DirectoryOffices offices) {

    @GetMapping(value = "/api/v1/admin/offices/{officeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String office(@PathVariable String officeId) {
        return offices.office(officeId)
                .map(AvroJson::encodeToString)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no office " + officeId + " in the directory"));
    }

    /** Creates or replaces an office; the body is the office's JSON form, officeId optional. */
    @PutMapping(value = "/api/v1/admin/offices/{officeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String putOffice(@PathVariable String officeId, @RequestBody(required = false) String body) {
        Office office = directory.office(DirectoryService.parse(body, "office " + officeId), officeId);
        directory.put(List.of(office), List.of());
        return AvroJson.encodeToString(office);
    }

    /**
     * Sets the thresholds of one scope; the key is {@code officeId} or {@code officeId/queue/ID} etc.
     * Thresholds left out (or null) inherit from the wider scope.
     */
    @PutMapping(value = "/api/v1/admin/policies/{*policyKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String putPolicy(@PathVariable String policyKey, @RequestBody(required = false) String body) {
        PolicyKey key = parseKey(policyKey);
        Policy policy = directory.policy(DirectoryService.parse(body, "policy " + key), key);
        directory.putPolicy(key, policy);
        return AvroJson.encodeToString(policy);
    }

    @DeleteMapping("/api/v1/admin/policies/{*policyKey}")
    public ResponseEntity<Void> deletePolicy(@PathVariable String policyKey) {
        directory.deletePolicy(parseKey(policyKey));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidDirectoryException e) {
        return Problems.withErrors(e.getMessage(), e.problems());
    }

    private static PolicyKey parseKey(String policyKey) {
        try {
            return PolicyKey.parse(policyKey);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
