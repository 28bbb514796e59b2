package pl.okienko.dashboard.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.platform.web.ApiError;

/** Writes an {@link ApiError} from a security filter, where Spring MVC's message converters do not run. */
final class JsonErrors {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonErrors() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(MAPPER.writeValueAsString(ApiError.of(status, message)));
    }
}
