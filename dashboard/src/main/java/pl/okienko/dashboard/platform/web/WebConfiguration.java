package pl.okienko.dashboard.platform.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language (the UI speaks Polish and English): {@code ?lang=pl} or
 * {@code ?lang=en} on any page switches it and a cookie remembers the choice. The API's answers say
 * which instances read them ({@link ViewEnvelope}); the read APIs' day and period parameters bind to one
 * {@link DaysAsked} ({@link DaysAskedResolver}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** The request parameter that switches the language. */
    public static final String LANGUAGE_PARAMETER = "lang";

    private final ViewEnvelope envelope;

    public WebConfiguration(ViewEnvelope envelope) {
        this.envelope = envelope;
    }

    /** Named {@code localeResolver} so that the DispatcherServlet and Boot's auto-configuration find it. */
    @Bean
    LocaleResolver localeResolver() {
        return new PageLocaleResolver();
    }

    @Bean
    LocaleChangeInterceptor localeChangeInterceptor() {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(LANGUAGE_PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        return interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(localeChangeInterceptor());
        registry.addInterceptor(envelope).addPathPatterns("/api/v1/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new DaysAskedResolver());
    }
}
