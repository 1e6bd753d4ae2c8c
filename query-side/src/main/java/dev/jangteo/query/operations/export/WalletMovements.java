package dev.jangteo.query.operations.export;

import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.query.readmodel.PersonalRows;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every movement of the user's wallet, for the data export, from the event store through Axon (no read model keeps
 * them), so personal fields there are decrypted, or erased once the account was closed.
 */
@Component
@Order(20)
class WalletMovements implements PersonalRows {

    /** One event of the wallet: what happened, the amount and the balance after it. */
    record Movement(long sequence, Instant at, String type, String reference, Long amount, Long balance) {
    }

    private final EventStore events;

    WalletMovements(EventStore events) {
        this.events = events;
    }

    @Override
    public Map<String, Object> sectionsOf(String userId) {
        List<Movement> movements = new ArrayList<>();
        // From sequence 0, not from a snapshot: every movement, and no aggregate class needed on this side.
        events.readEvents(userId, 0).asStream()
              .forEach(event -> movement(event).ifPresent(movements::add));
        return Map.of("movements", movements);
    }

    private static Optional<Movement> movement(DomainEventMessage<?> event) {
        long sequence = event.getSequenceNumber();
        return Optional.ofNullable(switch (event.getPayload()) {
            case FundsDepositedEvent e -> new Movement(sequence, event.getTimestamp(), "DEPOSIT", e.depositId(),
                                                       e.amount().won(), e.balance().won());
            case AccountDebitedEvent e -> new Movement(sequence, event.getTimestamp(), "DEBIT", e.orderId(),
                                                       e.amount().won(), e.balance().won());
            case AccountRefundedEvent e -> new Movement(sequence, event.getTimestamp(), "REFUND", e.orderId(),
                                                        e.amount().won(), e.balance().won());
            case AccountDebitRefusedEvent e -> new Movement(sequence, event.getTimestamp(), "DEBIT_REFUSED",
                                                            e.orderId(), e.amount().won(), e.balance().won());
            default -> null;
        });
    }
}
