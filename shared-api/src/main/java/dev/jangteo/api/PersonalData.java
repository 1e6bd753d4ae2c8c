package dev.jangteo.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of an event that identifies a person (email, name). The platform's event serializer stores it
 * encrypted with the key of the event's {@link DataSubject}; once that key is deleted the field reads as
 * {@link #ERASED} everywhere (aggregates, projections, replays, audit).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What an erased personal field reads as, after its subject's key was deleted. */
    String ERASED = "[erased]";
}
