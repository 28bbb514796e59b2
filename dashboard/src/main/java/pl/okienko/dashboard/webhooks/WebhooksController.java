package pl.okienko.dashboard.webhooks;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/webhooks} (ADMIN): the delivery status of every webhook endpoint. */
@RestController
public class WebhooksController {

    private final Webhooks webhooks;

    public WebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/api/v1/webhooks")
    public List<WebhookDispatcher.Status> statuses() {
        return webhooks.statuses();
    }
}
