package dev.jangteo.command.web;

import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.messaging.MetaData;
import org.springframework.util.StringUtils;

import java.util.UUID;

/**
 * Metadata for a command entering at the HTTP edge. Until authentication lands the acting user is what the caller
 * states in {@code X-Acting-User} ("anonymous" when absent); the correlation id is the caller's
 * {@code X-Correlation-Id} or a new one.
 */
public final class CommandMetadata {

    public static final String ACTING_USER_HEADER = "X-Acting-User";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final int MAX_HEADER_LENGTH = 128;

    private CommandMetadata() {
    }

    public static MetaData of(String correlationId, String actingUser) {
        return AuditMetadata.origin(orElse(correlationId, UUID.randomUUID().toString()),
                                    orElse(actingUser, "anonymous"));
    }

    private static String orElse(String header, String fallback) {
        return StringUtils.hasText(header) && header.length() <= MAX_HEADER_LENGTH ? header : fallback;
    }
}
