package pl.okienko.dashboard.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

import pl.okienko.dashboard.platform.web.Problems;

/** Writes a problem ({@link Problems}) from a security filter, where Spring MVC's message converters do not run. */
final class JsonErrors {

    private JsonErrors() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.JSON.writeValueAsString(Problems.of(status, detail, request.getRequestURI())));
    }
}
