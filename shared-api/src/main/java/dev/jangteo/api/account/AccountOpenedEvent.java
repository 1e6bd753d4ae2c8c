package dev.jangteo.api.account;

import dev.jangteo.api.DataSubject;
import dev.jangteo.api.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 calls the holder's name {@code displayName} (revision 1, stored without a revision, called it
 * {@code name}); the platform's AccountOpenedUpcaster turns stored revision-1 events into this shape. Email and
 * name are stored encrypted with the user's key ({@code "pii:v1:..."}): the JSON shape is unchanged (strings), so
 * the revision stays 2, and values stored in plaintext before encryption still read as they are.
 */
@Revision("2")
public record AccountOpenedEvent(@DataSubject String userId,
                                 @PersonalData String email,
                                 @PersonalData String displayName) {
}
