package pl.okienko.dashboard.queues;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import pl.okienko.dashboard.platform.web.PageController;

/**
 * {@code GET /offices/{officeId}/live}: the office page's live panel (Q1, Q2) as Server-Sent Events,
 * one {@value LiveOfficeUpdates#EVENT} event with the panel's HTML at once and then whenever it
 * changes. Same office scope as the page.
 */
@PageController
public record LiveOfficeController(LiveOfficeUpdates updates) {

    @GetMapping(value = "/offices/{officeId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live(@PathVariable String officeId, Locale locale) {
        return updates.subscribe(officeId, locale);
    }
}
