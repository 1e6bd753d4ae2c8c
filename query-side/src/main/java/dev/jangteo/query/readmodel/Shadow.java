package dev.jangteo.query.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One shadow rebuild of a processing group: every store of the group derives the name of its shadow copy from
 * {@link #id()} (a schema, an index, a key prefix). During the shadow replay each unit of work carries it as a
 * resource, so a projection's writer can ask {@link #current()} where to write.
 */
public record Shadow(String group, String id) {

    public static final String RESOURCE = Shadow.class.getName();

    public static Shadow of(String group) {
        return new Shadow(group, UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    /** {@code group} and id as one lower-case name with only letters, digits and underscores. */
    public String name() {
        return (group + "_" + id).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** The shadow the current unit of work rebuilds, if it is one of a shadow replay. */
    public static Optional<Shadow> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }
}
