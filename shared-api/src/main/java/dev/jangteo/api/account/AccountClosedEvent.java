package dev.jangteo.api.account;

import org.axonframework.serialization.Revision;

/**
 * The wallet takes no more deposits or debits, and its holder's key is deleted in the same transaction, so the
 * personal fields of every earlier event read as erased from then on. Balances and order history stay. Revision 1
 * from the start: a later change of shape then has a revision to upcast from.
 */
@Revision("1")
public record AccountClosedEvent(String userId) {
}
