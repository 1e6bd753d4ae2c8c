package dev.jangteo.command.account;

import dev.jangteo.api.account.AccountClosedEvent;
import dev.jangteo.api.account.AccountDebitRefusedEvent;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.AccountRefundedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.command.FoldAgreement;
import dev.jangteo.command.FoldAgreement.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.jangteo.api.Money.won;
import static org.quicktheories.QuickTheory.qt;

/**
 * The audit fold of accounts keeps what the Account keeps, whatever its history: deposits repeated, orders debited
 * twice, refunded without a debit or twice, debits after the account closed. A failure prints the shortest history
 * found and its seed, replayed with {@code -DQT_SEED=...}.
 */
class AccountFoldTest {

    private static final String USER = "alice";

    private enum Kind { DEPOSIT, DEBIT, REFUSE_DEBIT, REFUND, CLOSE }

    @Test
    void foldAgreesWithTheAccountOnAnyHistory() {
        FoldAgreement<Account> agreement = FoldAgreement.of(Account.class, Account::new);

        qt().withExamples(1_000)
            .forAll(FoldAgreement.steps(Kind.class).map(AccountFoldTest::history))
            .checkAssert(agreement::check);
    }

    /** Balances as the account would compute them; a refund gives back what the generated debit of its order took. */
    private static List<Object> history(List<Step<Kind>> steps) {
        List<Object> events = new ArrayList<>(List.of(new AccountOpenedEvent(USER, "alice@example.com", "Alice")));
        long balance = 0;
        Map<String, Long> taken = new HashMap<>();
        for (Step<Kind> step : steps) {
            String orderId = "order-" + step.id();
            events.add(switch (step.kind()) {
                case DEPOSIT -> {
                    balance += step.amount();
                    yield new FundsDepositedEvent(USER, "deposit-" + step.id(), won(step.amount()), won(balance));
                }
                case DEBIT -> {
                    long amount = Math.min(step.amount(), balance);
                    balance -= amount;
                    taken.put(orderId, amount);
                    yield new AccountDebitedEvent(USER, orderId, won(amount), won(balance));
                }
                case REFUSE_DEBIT -> new AccountDebitRefusedEvent(USER, orderId, won(balance + step.amount()),
                                                                   won(balance));
                case REFUND -> {
                    long amount = taken.getOrDefault(orderId, 0L);
                    taken.remove(orderId);
                    balance += amount;
                    yield new AccountRefundedEvent(USER, orderId, won(amount), won(balance));
                }
                case CLOSE -> new AccountClosedEvent(USER);
            });
        }
        return events;
    }
}
