package pl.okienko.dashboard.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.dashboard.platform.web.PageController;
import pl.okienko.directory.Office;

/**
 * The administrator's webhook status page (ADMIN, I1: whether alerts reach the receivers beyond the
 * browser): {@code GET /admin/webhooks} shows every endpoint, and the page polls
 * {@code GET /admin/webhooks/status} for its status fragment every few seconds.
 */
@PageController
public record WebhookPagesController(Webhooks webhooks, OfficeDirectory directory) {

    static final String TEMPLATE = "webhooks/status";
    /** The part of the page that its polling replaces. */
    static final String FRAGMENT = "status";

    @GetMapping("/admin/webhooks")
    public String page(Model model) {
        addStatus(model);
        return TEMPLATE;
    }

    @GetMapping("/admin/webhooks/status")
    public String status(Model model) {
        addStatus(model);
        return TEMPLATE + " :: " + FRAGMENT;
    }

    private void addStatus(Model model) {
        Map<String, Office> offices = offices();
        Instant now = Instant.now();
        List<WebhookStatusView> endpoints = webhooks.statuses().stream()
                .map(status -> WebhookStatusView.of(status, offices, now)).toList();
        model.addAttribute("endpoints", endpoints);
    }

    /** Office names and zones; without them (views still starting) the page shows ids, not an error. */
    private Map<String, Office> offices() {
        try {
            return directory.byId();
        } catch (InvalidStateStoreException e) {
            // Delivery does not depend on the views, so neither does its status.
            return Map.of();
        }
    }
}
