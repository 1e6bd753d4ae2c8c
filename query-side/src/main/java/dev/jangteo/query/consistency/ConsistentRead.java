package dev.jangteo.query.consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a query endpoint as served by the processing groups {@link #value()}: a request carrying a consistency token
 * ({@code X-Consistency-Token} header or {@code consistentWith} parameter) waits, bounded, until each of those groups
 * has processed the token's position ({@link ConsistencyInterceptor}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentRead {

    /** The processing groups whose read models the endpoint answers from. */
    String[] value();
}
