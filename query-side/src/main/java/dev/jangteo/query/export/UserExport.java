package dev.jangteo.query.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything Jangteo holds about one user, as one document: the account (email and name while the account is open,
 * erased after), every movement of the wallet from the event store, orders with their lines, coupons held, rooms
 * joined and messages sent (a deleted message without its text, as nobody can read it any more).
 */
record UserExport(String userId,
                  Instant exportedAt,
                  Map<String, Object> account,
                  List<Movement> movements,
                  List<Map<String, Object>> orders,
                  List<Map<String, Object>> coupons,
                  List<Map<String, Object>> rooms,
                  List<Map<String, Object>> messages) {

    /** One event of the wallet: what happened, the amount and the balance after it. */
    record Movement(long sequence, Instant at, String type, String reference, Long amount, Long balance) {
    }

    boolean isEmpty() {
        return account == null && movements.isEmpty() && orders.isEmpty() && coupons.isEmpty() && rooms.isEmpty()
                && messages.isEmpty();
    }
}
