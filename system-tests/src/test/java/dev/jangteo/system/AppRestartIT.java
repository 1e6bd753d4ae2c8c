package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each app restarted with its data kept, under the profile that opens the demo accounts at start-up ({@code loadtest},
 * as {@code ./dev bench} runs it): the second start finds the accounts, the search index and the keys it would make,
 * and goes on; nothing is made twice. Through Axon Server the command side once stopped here, since a repeated
 * creation arrives there as a different failure than on the JDBC store (this class passed in the {@code axonserver}
 * run; the {@code remote-like} run checks that answer in {@link RefusalsOnEveryBusIT}).
 */
class AppRestartIT {

    private static final long DEMO_BALANCE = 1_000_000;

    @RegisterExtension
    static final StackExtension stack = new StackExtension("apprestart", 1, "--spring.profiles.include=loadtest",
                                                           Tokens.privateKeyArgument());

    @Test
    void canRestartEachAppWithItsDataKept() {
        Shop.awaitBalance(stack.query(), "alice", DEMO_BALANCE);
        String productId = Shop.product(stack.command(), 1_000, 5);

        stack.get().restartCommandSide(0);
        stack.get().stopQuerySide();
        stack.get().startQuerySide();

        // The demo account was opened once, its starting balance deposited once, and both apps serve it.
        Shop.awaitBalance(stack.query(), "alice", DEMO_BALANCE);
        String orderId = Shop.order(stack.command(), "alice", productId, 2, null);
        JsonNode outcome = Shop.awaitOutcome(stack.query(), orderId);
        assertThat(outcome.get("status").asText()).isEqualTo("PAID");
        Shop.awaitBalance(stack.query(), "alice", DEMO_BALANCE - 2_000);
        Shop.awaitStock(stack.query(), productId, 3);
    }
}
