package pl.okienko.dashboard.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An office-local day of the views ({@code ?date=}, {@code /days/{date}}), bound by Spring from
 * {@code YYYY-MM-DD} (this annotation carries {@code @DateTimeFormat(iso = DATE)}) and valid from {@link #FIRST} to {@link #LAST}:
 * no event can lie outside them (Kafka timestamps start at the Unix epoch), and day arithmetic stays far
 * from overflow. Serves every rule read per day (Q1..C1).
 */
@Documented
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
@Constraint(validatedBy = Day.InRange.class)
public @interface Day {

    /** The first day any event can belong to. */
    LocalDate FIRST = LocalDate.of(1970, 1, 1);
    /** The last day a four-digit year can write. */
    LocalDate LAST = LocalDate.of(9999, 12, 31);

    /** What is wrong with a day outside them, after the parameter's name and the day. */
    String OUT_OF_RANGE = "is out of range: days from 1970-01-01 to 9999-12-31 can be shown";

    String message() default OUT_OF_RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the range; an absent day (the live view) is valid. */
    class InRange implements ConstraintValidator<Day, LocalDate> {

        @Override
        public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
            return day == null || !day.isBefore(FIRST) && !day.isAfter(LAST);
        }
    }
}
