package dev.jangteo.query.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection that cannot be replayed from a moment, only from the start: re-applying the events after that
 * moment over what it holds would not end with what a whole replay builds (typically because it adds up, so the
 * events after the moment would count twice). A replay {@code ?from=} of its group is refused with
 * {@link #value()} as the reason.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FullReplayOnly {

    /** Why a replay from a moment would be wrong, for the operator. */
    String value();
}
