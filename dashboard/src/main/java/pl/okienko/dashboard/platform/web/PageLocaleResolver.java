package pl.okienko.dashboard.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' locale: Polish or English only. The browser's language decides until the user picks
 * one; the pick is kept in a cookie for a year. Any other language becomes English, so that a
 * message never falls back to the server's own locale.
 */
public class PageLocaleResolver extends CookieLocaleResolver {

    /** The languages the pages are written in; the first is the one for Polish-speaking browsers. */
    public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("pl"), Locale.ENGLISH);

    static final String COOKIE = "okienko-lang";

    public PageLocaleResolver() {
        super(COOKIE);
        setCookieMaxAge(Duration.ofDays(365));
        setDefaultLocaleFunction(request -> supported(request.getLocale()));
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext localeContext) {
        Locale chosen = localeContext == null ? null : localeContext.getLocale();
        super.setLocaleContext(request, response, chosen == null ? null : new SimpleLocaleContext(supported(chosen)));
    }

    /** Polish for any Polish locale, English for everything else. */
    static Locale supported(Locale locale) {
        if (locale != null && SUPPORTED.get(0).getLanguage().equals(locale.getLanguage())) {
            return SUPPORTED.get(0);
        }
        return Locale.ENGLISH;
    }
}
