package dev.jangteo.command.account;

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
import dev.jangteo.platform.privacy.SubjectKey;
import dev.jangteo.platform.privacy.SubjectKeys;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {

    private static final String USER = "alice";

    private AggregateTestFixture<Account> fixture;
    private final ErasedSubjects keys = new ErasedSubjects();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(keys);
    }

    /** The key store, only as far as the aggregate uses it: which subjects were erased. */
    static final class ErasedSubjects implements SubjectKeys {

        final Set<String> erased = new HashSet<>();

        @Override
        public SubjectKey find(String subject) {
            return erased.contains(subject) ? new SubjectKey.Erased() : new SubjectKey.Unknown();
        }

        @Override
        public SubjectKey findOrCreate(String subject) {
            return find(subject);
        }

        @Override
        public void erase(String subject) {
            erased.add(subject);
        }
    }

    private static AccountOpenedEvent opened() {
        return new AccountOpenedEvent(USER, "alice@example.com", "Alice");
    }

    private static FundsDepositedEvent deposited(String depositId, long amount, long balance) {
        return new FundsDepositedEvent(USER, depositId, Money.won(amount), Money.won(balance));
    }

    private static AccountDebitedEvent debited(String orderId, long amount, long balance) {
        return new AccountDebitedEvent(USER, orderId, Money.won(amount), Money.won(balance));
    }

    @Test
    void canOpenAccount() {
        fixture.givenNoPriorActivity()
               .when(new OpenAccountCommand(USER, "alice@example.com", "Alice"))
               .expectEvents(opened());
    }

    @Test
    void cannotOpenAccountWithMalformedEmail() {
        assertThatThrownBy(() -> new OpenAccountCommand(USER, "alice.example.com", "Alice"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canDepositAndAnswerTheBalance() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000))
               .when(new DepositFundsCommand(USER, "d2", Money.won(500)))
               .expectEvents(deposited("d2", 500, 1_500))
               .expectResultMessagePayload(Money.won(1_500));
    }

    @Test
    void cannotDepositTheSameDepositTwice() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000))
               .when(new DepositFundsCommand(USER, "d1", Money.won(1_000)))
               .expectNoEvents()
               .expectResultMessagePayload(Money.won(1_000));
    }

    @Test
    void cannotDepositNothing() {
        assertThatThrownBy(() -> new DepositFundsCommand(USER, "d1", Money.won(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cannotDepositIntoUnknownAccount() {
        fixture.givenNoPriorActivity()
               .when(new DepositFundsCommand(USER, "d1", Money.won(1)))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void canDebitUpToTheWholeBalance() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000))
               .when(new DebitForOrderCommand(USER, "o1", Money.won(1_000)))
               .expectEvents(debited("o1", 1_000, 0));
    }

    @Test
    void cannotDebitMoreThanTheBalance() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000))
               .when(new DebitForOrderCommand(USER, "o1", Money.won(1_001)))
               .expectEvents(new AccountDebitRefusedEvent(USER, "o1", Money.won(1_001), Money.won(1_000)));
    }

    @Test
    void cannotDebitTheSameOrderTwice() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000), debited("o1", 400, 600))
               .when(new DebitForOrderCommand(USER, "o1", Money.won(400)))
               .expectNoEvents();
    }

    @Test
    void canRefundWhatAnOrderTook() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000), debited("o1", 400, 600))
               .when(new RefundOrderCommand(USER, "o1"))
               .expectEvents(new AccountRefundedEvent(USER, "o1", Money.won(400), Money.won(1_000)));
    }

    @Test
    void cannotRefundTheSameOrderTwice() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000), debited("o1", 400, 600),
                      new AccountRefundedEvent(USER, "o1", Money.won(400), Money.won(1_000)))
               .when(new RefundOrderCommand(USER, "o1"))
               .expectNoEvents();
    }

    @Test
    void canCloseAnOrderThatTookNothing() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000))
               .when(new RefundOrderCommand(USER, "o1"))
               .expectEvents(new AccountRefundedEvent(USER, "o1", Money.ZERO, Money.won(1_000)));
    }

    @Test
    void cannotDebitAnOrderAfterItsRefund() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000),
                      new AccountRefundedEvent(USER, "o1", Money.ZERO, Money.won(1_000)))
               .when(new DebitForOrderCommand(USER, "o1", Money.won(400)))
               .expectNoEvents();
    }

    @Test
    void canCloseAccountAndEraseItsKey() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000))
               .when(new CloseAccountCommand(USER))
               .expectEvents(new AccountClosedEvent(USER));
        assertThat(keys.erased).containsExactly(USER);
    }

    @Test
    void canCloseAClosedAccountAgainWithoutAnotherEvent() {
        fixture.given(opened(), new AccountClosedEvent(USER))
               .when(new CloseAccountCommand(USER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        assertThat(keys.erased).containsExactly(USER);
    }

    @Test
    void cannotCloseAnUnknownAccount() {
        fixture.givenNoPriorActivity()
               .when(new CloseAccountCommand(USER))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void cannotDepositIntoAClosedAccount() {
        fixture.given(opened(), new AccountClosedEvent(USER))
               .when(new DepositFundsCommand(USER, "d1", Money.won(500)))
               .expectException(AccountClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotDebitAClosedAccount() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000), new AccountClosedEvent(USER))
               .when(new DebitForOrderCommand(USER, "o1", Money.won(500)))
               .expectException(AccountClosedException.class)
               .expectNoEvents();
    }

    @Test
    void canRefundAnOrderOfAClosedAccount() {
        fixture.given(opened(), deposited("d1", 1_000, 1_000), debited("o1", 400, 600), new AccountClosedEvent(USER))
               .when(new RefundOrderCommand(USER, "o1"))
               .expectEvents(new AccountRefundedEvent(USER, "o1", Money.won(400), Money.won(1_000)));
    }
}
