package pl.okienko.dashboard.platform.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.directory.Office;
import pl.okienko.processors.queues.QueueViews;

/** The directory's offices that the signed-in person may see, sorted by name the Polish way. */
@Component
public class VisibleOffices {

    private final QueueViews views;
    private final OfficeAccess access;

    public VisibleOffices(QueueViews views, OfficeAccess access) {
        this.views = views;
        this.access = access;
    }

    public List<Office> of(Authentication authentication) {
        Optional<Set<String>> visible = access.visibleOffices(authentication);
        if (visible.isPresent() && visible.get().isEmpty()) {
            return List.of();
        }
        Collator polish = Collator.getInstance(Locale.forLanguageTag("pl"));
        return views.offices().stream()
                .filter(office -> visible.map(ids -> ids.contains(office.getOfficeId())).orElse(true))
                .sorted(Comparator.comparing(Office::getName, polish))
                .toList();
    }
}
