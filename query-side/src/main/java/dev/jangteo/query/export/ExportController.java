package dev.jangteo.query.export;

import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's data export (GDPR-style access and portability), for the user. The wallet's movements come from the
 * event store through Axon, so personal fields there are decrypted, or erased once the account was closed.
 */
@RestController
class ExportController {

    private final UserRows rows;
    private final EventStore events;
    private final Clock clock;

    ExportController(UserRows rows, EventStore events) {
        this.rows = rows;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @ProblemCodes("USER_NOT_FOUND")
    @GetMapping("/api/users/{userId}/export")
    ResponseEntity<UserExport> export(@PathVariable String userId) {
        UserExport export = new UserExport(userId, clock.instant(), rows.account(userId).orElse(null),
                                           movements(userId), rows.orders(userId), rows.coupons(userId),
                                           rows.rooms(userId), rows.messages(userId));
        if (export.isEmpty()) {
            throw ApiException.notFound("USER_NOT_FOUND", "Nothing is held about user " + userId);
        }
        return ResponseEntity.ok()
                             .contentType(MediaType.APPLICATION_JSON)
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("jangteo-export-" + userId + ".json").build().toString())
                             .body(export);
    }

    private List<UserExport.Movement> movements(String userId) {
        List<UserExport.Movement> movements = new ArrayList<>();
        // From sequence 0, not from a snapshot: every movement, and no aggregate class needed on this side.
        events.readEvents(userId, 0).asStream()
              .forEach(event -> movement(event).ifPresent(movements::add));
        return movements;
    }

    private static Optional<UserExport.Movement> movement(DomainEventMessage<?> event) {
        long sequence = event.getSequenceNumber();
        return Optional.ofNullable(switch (event.getPayload()) {
            case FundsDepositedEvent e -> new UserExport.Movement(sequence, event.getTimestamp(), "DEPOSIT",
                                                                  e.depositId(), e.amount().won(), e.balance().won());
            case AccountDebitedEvent e -> new UserExport.Movement(sequence, event.getTimestamp(), "DEBIT",
                                                                  e.orderId(), e.amount().won(), e.balance().won());
            case AccountRefundedEvent e -> new UserExport.Movement(sequence, event.getTimestamp(), "REFUND",
                                                                   e.orderId(), e.amount().won(), e.balance().won());
            case AccountDebitRefusedEvent e -> new UserExport.Movement(sequence, event.getTimestamp(),
                                                                       "DEBIT_REFUSED", e.orderId(), e.amount().won(),
                                                                       e.balance().won());
            default -> null;
        });
    }
}
