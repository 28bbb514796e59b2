package pl.okienko.dashboard.platform.web;

import java.util.List;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.directory.Office;

/**
 * What every page's layout needs: the formatter {@code fmt}, the offices of the header's switcher,
 * whether this is the demo; and the "views are starting" page instead of an error while Kafka
 * Streams cannot be queried yet.
 */
@ControllerAdvice(annotations = PageController.class)
public record PageModelAdvice(VisibleOffices visibleOffices, OkienkoProperties properties) {

    private static final Logger LOG = LoggerFactory.getLogger(PageModelAdvice.class);
    private static final Display DISPLAY = new Display();

    @ModelAttribute("fmt")
    public Display display() {
        return DISPLAY;
    }

    @ModelAttribute("demo")
    public boolean demo() {
        return properties.demo().enabled();
    }

    /** The header's office switcher; empty (not an error page) while the directory cannot be read. */
    @ModelAttribute("switcherOffices")
    public List<Office> switcherOffices(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        try {
            return visibleOffices.of(authentication);
        } catch (InvalidStateStoreException e) {
            return List.of();
        }
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public String notReady(InvalidStateStoreException e) {
        LOG.debug("Views not queryable yet", e);
        return "starting";
    }
}
