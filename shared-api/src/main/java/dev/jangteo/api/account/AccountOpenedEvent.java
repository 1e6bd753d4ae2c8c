package dev.jangteo.api.account;

import org.axonframework.serialization.Revision;

/**
 * Revision 2 calls the holder's name {@code displayName} (revision 1, stored without a revision, called it
 * {@code name}); the platform's AccountOpenedUpcaster turns stored revision-1 events into this shape.
 */
@Revision("2")
public record AccountOpenedEvent(String userId, String email, String displayName) {
}
