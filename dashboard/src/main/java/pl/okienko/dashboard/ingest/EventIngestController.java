package pl.okienko.dashboard.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import pl.okienko.dashboard.platform.security.ApiKeyPrincipal;
import pl.okienko.dashboard.platform.web.Problems;
import pl.okienko.schemas.EventFamily;

/**
 * {@code POST /api/v1/events}: building systems send one JSON event
 * ({@code application/json}) or a batch as NDJSON ({@code application/x-ndjson}), authenticated by
 * their {@code X-Api-Key}. A batch is all-or-nothing: 202 {@code {"accepted":n}} when every event was
 * written in one transaction, 400 {@code {"errors":[{"line":k,"message":...}]}} naming every bad
 * line when not, and then nothing is written.
 */
@RestController
public record EventIngestController(EventIngestService service, ProcessorAvailability processors) {

    /** Largest accepted body. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Most lines accepted in one batch: larger batches are split by the sender. */
    public static final int MAX_LINES = 100_000;
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @PostMapping("/api/v1/events")
    public ResponseEntity<?> ingest(@AuthenticationPrincipal ApiKeyPrincipal sender, HttpServletRequest request)
            throws IOException {
        MediaType contentType = contentType(request);
        boolean ndjson = contentType != null && NDJSON.includes(contentType);
        boolean json = contentType != null && MediaType.APPLICATION_JSON.includes(contentType);
        if (!ndjson && !json) {
            return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send events as application/json (one event) "
                    + "or application/x-ndjson (one event per line), not " + (contentType == null ? "no content type" : contentType));
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            return tooLarge();
        }
        byte[] bytes = readAtMost(request.getInputStream(), MAX_BYTES);
        if (bytes == null) {
            return tooLarge();
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Replacing bad bytes would store ids and numbers the sender never sent.
            return Problems.response(HttpStatus.BAD_REQUEST, "the body is not valid UTF-8: send events as UTF-8 text");
        }
        if (body.isBlank()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "the body is empty: send one event or NDJSON lines");
        }
        if (ndjson && body.lines().limit(MAX_LINES + 1L).count() > MAX_LINES) {
            return Problems.response(HttpStatus.CONTENT_TOO_LARGE,
                    "a batch may hold at most " + MAX_LINES + " lines: split it into several requests");
        }
        Instant now = Instant.now();
        EventBatch batch = ndjson ? EventBatch.ofNdjson(body, now) : EventBatch.ofJson(body, now);
        if (!batch.valid()) {
            return ResponseEntity.badRequest().body(invalidLines(batch.errors()));
        }
        Optional<String> down = processors.down(batch.events().stream()
                .map(line -> EventFamily.of(line.event())).collect(Collectors.toCollection(() -> EnumSet.noneOf(EventFamily.class))));
        if (down.isPresent()) {
            return Problems.unavailable(down.get(), 10);
        }
        int accepted = service.ingest(sender, batch);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("accepted", accepted));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(EventIngestService.ForbiddenEventsException e) {
        return Problems.response(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** 400 naming each line that is not a valid event, or not in the directory; nothing of the batch is written. */
    static ProblemDetail invalidLines(List<EventBatch.LineError> errors) {
        return Problems.withErrors(errors.size() + (errors.size() == 1 ? " line is" : " lines are")
                + " not valid events; nothing of the batch was written", errors);
    }

    private static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> tooLarge() {
        return Problems.response(HttpStatus.CONTENT_TOO_LARGE,
                "the body may be at most " + MAX_BYTES / (1024 * 1024) + " MB: split the batch into several requests");
    }

    /** The stream's bytes, or null when it holds more than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
