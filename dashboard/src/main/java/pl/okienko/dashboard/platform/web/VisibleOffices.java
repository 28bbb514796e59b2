package pl.okienko.dashboard.platform.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.directory.Office;

/** The directory's offices that the signed-in person may see ({@link OfficeAccess}), and lists cut to them. */
@Component
public record VisibleOffices(OfficeDirectory directory, OfficeAccess access) {

    /** The offices {@code authentication} may see, sorted by name the Polish way. */
    public List<Office> of(Authentication authentication) {
        Collator polish = Collator.getInstance(Locale.forLanguageTag("pl"));
        return inDirectoryOrder(authentication).stream().sorted(Comparator.comparing(Office::getName, polish)).toList();
    }

    /** The offices {@code authentication} may see, in the directory's order. */
    public List<Office> inDirectoryOrder(Authentication authentication) {
        Optional<Set<String>> visible = access.visibleOffices(authentication);
        if (visible.isPresent() && visible.get().isEmpty()) {
            return List.of();
        }
        return only(authentication, directory.offices(), Office::getOfficeId);
    }

    /** The items of {@code items} whose office {@code authentication} may see. */
    public <T> List<T> only(Authentication authentication, List<T> items, Function<T, String> officeId) {
        Optional<Set<String>> visible = access.visibleOffices(authentication);
        return items.stream().filter(item -> visible.map(ids -> ids.contains(officeId.apply(item))).orElse(true)).toList();
    }
}
