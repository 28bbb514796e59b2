package pl.okienko.dashboard.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * 404 for an office that is neither in the directory nor has sent any event of the concern asked
 * about; the API answers it as a problem naming the office, the pages with the error page.
 */
public class UnknownOfficeException extends ResponseStatusException {

    public UnknownOfficeException(String officeId) {
        this(officeId, "events");
    }

    /** @param events what the office has not sent, e.g. "phone events" */
    public UnknownOfficeException(String officeId, String events) {
        super(HttpStatus.NOT_FOUND, "no office " + officeId + ": it is not in the directory and has sent no " + events);
    }
}
