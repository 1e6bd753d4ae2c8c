package dev.jangteo.command.web;

import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.messaging.MetaData;
import org.springframework.util.StringUtils;

import java.util.Objects;
import java.util.UUID;

/**
 * Metadata for a command entering at the HTTP edge: the acting user is the subject of the request's bearer token
 * (never anything the caller states); the correlation id is the request's (its {@code X-Correlation-Id} or a new
 * one, see {@code RequestLogging}), or a new one outside a request.
 */
public final class CommandMetadata {

    private static final int MAX_HEADER_LENGTH = 128;

    private CommandMetadata() {
    }

    public static MetaData of(String correlationId, String actingUser) {
        String correlation = StringUtils.hasText(correlationId) && correlationId.length() <= MAX_HEADER_LENGTH
                ? correlationId : UUID.randomUUID().toString();
        return AuditMetadata.origin(correlation, Objects.requireNonNull(actingUser, "actingUser"));
    }
}
