package dev.jangteo.api.audit;

import dev.jangteo.api.account.AccountClosedEvent;
import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A wallet: its balance, the deposits it counted, what each open order took, the orders closed on it, and whether
 * its holder closed it. */
public final class AccountFold implements AggregateFold {

    public record AccountState(String userId, String email, String displayName, long balance, List<String> deposits,
                               Map<String, Long> debits, List<String> closedOrders, List<String> refusedDebits,
                               boolean closed) {
    }

    private String userId;
    private String email;
    private String displayName;
    private long balance;
    /** Sets, as the account keeps them: a deposit id or an order seen twice is listed once. */
    private final Set<String> deposits = new LinkedHashSet<>();
    private final Map<String, Long> debits = new LinkedHashMap<>();
    private final Set<String> closedOrders = new LinkedHashSet<>();
    private final List<String> refusedDebits = new ArrayList<>();
    private boolean closed;

    @Override
    public void apply(Object event) {
        switch (event) {
            case AccountOpenedEvent opened -> {
                userId = opened.userId();
                email = opened.email();
                displayName = opened.displayName();
            }
            case FundsDepositedEvent deposited -> {
                deposits.add(deposited.depositId());
                balance = deposited.balance().won();
            }
            case AccountDebitedEvent debited -> {
                debits.put(debited.orderId(), debited.amount().won());
                balance = debited.balance().won();
            }
            case AccountDebitRefusedEvent refused -> refusedDebits.add(refused.orderId());
            case AccountRefundedEvent refunded -> {
                debits.remove(refunded.orderId());
                closedOrders.add(refunded.orderId());
                balance = refunded.balance().won();
            }
            case AccountClosedEvent ignored -> closed = true;
            default -> {
            }
        }
    }

    @Override
    public AccountState state() {
        return new AccountState(userId, email, displayName, balance, List.copyOf(deposits),
                                new LinkedHashMap<>(debits), List.copyOf(closedOrders), List.copyOf(refusedDebits),
                                closed);
    }
}
