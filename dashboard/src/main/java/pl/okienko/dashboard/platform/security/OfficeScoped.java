package pl.okienko.dashboard.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Marks a handler whose parameter {@code officeId} names the office it shows: Spring Security lets the
 * call through only when {@link OfficeAccess} says the caller may see that office, and answers 403
 * naming the office otherwise. The one place every concern's office scope is checked (Q1..C1 views).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@officeAccess.require(authentication, #officeId)")
public @interface OfficeScoped {
}
