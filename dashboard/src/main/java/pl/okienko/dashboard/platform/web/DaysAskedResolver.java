package pl.okienko.dashboard.platform.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/**
 * Binds a handler's {@link DaysAsked} parameter from the query parameters every read API takes (every rule read per
 * day, Q1…S1): {@value #DATE}, {@value #FROM} and {@value #TO} (each a {@link Day}, converted by the application's
 * conversion service as a {@code @RequestParam @Day LocalDate} would be) and {@value #GRANULARITY}. A value that is
 * not a date fails as Spring's own binding does ({@link MethodArgumentTypeMismatchException}, named); days out of
 * range are refused together, each named, as {@link Day}'s validation does; the rest is {@link DaysAsked#of}'s.
 */
public final class DaysAskedResolver implements HandlerMethodArgumentResolver {

    static final String DATE = "date";
    static final String FROM = "from";
    static final String TO = "to";
    static final String GRANULARITY = "granularity";

    /** A {@code LocalDate} with {@link Day}'s format, as the conversion service sees a {@code @Day} parameter. */
    private static final TypeDescriptor DAY = new TypeDescriptor(ResolvableType.forClass(LocalDate.class), null,
            Day.class.getAnnotations());

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DaysAsked.class;
    }

    @Override
    public DaysAsked resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) throws Exception {
        LocalDate date = day(DATE, parameter, request, binders);
        LocalDate from = day(FROM, parameter, request, binders);
        LocalDate to = day(TO, parameter, request, binders);
        List<String> outOfRange = new ArrayList<>();
        outOfRange(DATE, date, outOfRange);
        outOfRange(FROM, from, outOfRange);
        outOfRange(TO, to, outOfRange);
        if (!outOfRange.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("; ", outOfRange));
        }
        String[] granularity = request.getParameterValues(GRANULARITY);
        // several values arrive joined by commas, as Spring binds a String parameter
        return DaysAsked.of(date, from, to, granularity == null ? null : String.join(",", granularity));
    }

    /** The day of parameter {@code name}, null when absent or blank; as with a request parameter, the first of several. */
    private static LocalDate day(String name, MethodParameter parameter, NativeWebRequest request,
            WebDataBinderFactory binders) throws Exception {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        Object value = values.length == 1 ? values[0] : values;
        try {
            return binders.createBinder(request, null, name).convertIfNecessary(value, LocalDate.class, DAY);
        } catch (TypeMismatchException e) {
            throw new MethodArgumentTypeMismatchException(value, LocalDate.class, name, parameter, e.getCause());
        }
    }

    private static void outOfRange(String name, LocalDate day, List<String> refusals) {
        if (!new Day.InRange().isValid(day, null)) {
            refusals.add(name + " " + day + " " + Day.OUT_OF_RANGE);
        }
    }
}
