package pl.okienko.dashboard.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.access.AccessDeniedHandler;

import pl.okienko.dashboard.platform.web.Problems;

/** Writes a problem ({@link Problems}) from a security filter, where Spring MVC's message converters do not run. */
public final class JsonErrors {

    private JsonErrors() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.JSON.writeValueAsString(Problems.of(status, detail, request.getRequestURI())));
    }

    /** The API's 403: a problem whose detail is the refusal's reason, e.g. the office {@link OfficeScope} refused. */
    public static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN,
                e.getMessage() == null || e.getMessage().isBlank() ? "your role may not do this" : e.getMessage());
    }
}
