package dev.jangteo.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountClosedEvent;
import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.CloseAccountCommand;
import dev.jangteo.api.account.DebitForOrderCommand;
import dev.jangteo.api.account.DepositFundsCommand;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.api.account.OpenAccountCommand;
import dev.jangteo.api.account.RefundOrderCommand;
import dev.jangteo.platform.privacy.SubjectKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's wallet. Invariants: the balance never goes below zero; a deposit applies once per deposit id; a debit and
 * a refund apply once per order, and a debit arriving after its order's refund is refused. A closed account takes
 * no deposit or debit; refunds of its open orders still apply, so compensations never get stuck.
 * One user may place thousands of orders, so the account is cached and snapshotted; its state is the balance and
 * what each order took.
 */
@Aggregate(snapshotTriggerDefinition = "accountSnapshotTrigger", cache = "accountCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Account {

    @AggregateIdentifier
    private String userId;
    private Money balance = Money.ZERO;
    private Set<String> deposits = new HashSet<>();
    /** What each debited order took, until it is refunded. */
    private Map<String, Money> debits = new HashMap<>();
    /** Orders refunded (or closed before any debit): nothing more is taken or given back for them. */
    private Set<String> closedOrders = new HashSet<>();
    private boolean closed;

    Account() {
    }

    @CommandHandler
    Account(OpenAccountCommand command) {
        apply(new AccountOpenedEvent(command.userId(), command.email(), command.name()));
    }

    /** Answers the balance after the deposit (or, for a repeated deposit id, the current balance). */
    @CommandHandler
    Money handle(DepositFundsCommand command) {
        refuseWhenClosed();
        if (!deposits.contains(command.depositId())) {
            apply(new FundsDepositedEvent(userId, command.depositId(), command.amount(),
                                          balance.plus(command.amount())));
        }
        return balance;
    }

    @CommandHandler
    void handle(DebitForOrderCommand command) {
        String orderId = command.orderId();
        if (debits.containsKey(orderId) || closedOrders.contains(orderId)) {
            return;
        }
        refuseWhenClosed();
        if (balance.isLessThan(command.amount())) {
            apply(new AccountDebitRefusedEvent(userId, orderId, command.amount(), balance));
        } else {
            apply(new AccountDebitedEvent(userId, orderId, command.amount(), balance.minus(command.amount())));
        }
    }

    @CommandHandler
    void handle(RefundOrderCommand command) {
        String orderId = command.orderId();
        if (closedOrders.contains(orderId)) {
            return;
        }
        Money taken = debits.getOrDefault(orderId, Money.ZERO);
        apply(new AccountRefundedEvent(userId, orderId, taken, balance.plus(taken)));
    }

    /**
     * The key goes in this command's transaction, with the AccountClosedEvent: both commit or neither does. A
     * repeated close appends nothing and deletes the (already deleted) key again, so a retried DELETE is harmless.
     */
    @CommandHandler
    void handle(CloseAccountCommand command, SubjectKeys keys) {
        if (!closed) {
            apply(new AccountClosedEvent(userId));
        }
        keys.erase(userId);
    }

    private void refuseWhenClosed() {
        if (closed) {
            throw new AccountClosedException(userId);
        }
    }

    @EventSourcingHandler
    void on(AccountOpenedEvent event) {
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(FundsDepositedEvent event) {
        deposits.add(event.depositId());
        balance = event.balance();
    }

    @EventSourcingHandler
    void on(AccountDebitedEvent event) {
        debits.put(event.orderId(), event.amount());
        balance = event.balance();
    }

    @EventSourcingHandler
    void on(AccountRefundedEvent event) {
        debits.remove(event.orderId());
        closedOrders.add(event.orderId());
        balance = event.balance();
    }

    @EventSourcingHandler
    void on(AccountClosedEvent event) {
        closed = true;
    }
}
