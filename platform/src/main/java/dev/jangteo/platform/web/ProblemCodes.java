package dev.jangteo.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an endpoint answers with beyond those of every endpoint (bad input, no or a wrong token, a store
 * down): its own refusals, for the OpenAPI document. On a controller, they apply to each of its endpoints. Every code
 * must be in the app's {@link ProblemCatalog}, or the document fails to build.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ProblemCodes {

    String[] value();
}
