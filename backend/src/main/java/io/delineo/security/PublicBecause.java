package io.delineo.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Required next to {@code @PermitAll}: says why an endpoint may be called without a role. The endpoint guard test
 * refuses a {@code @PermitAll} endpoint that does not carry this annotation with a non-blank reason.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicBecause {
    String value();
}
