package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each app restarted with its data kept, under the profile that opens the demo accounts at start-up and lets both apps
 * sign dev tokens ({@code loadtest}, as {@code ./dev bench} runs it): the second start finds the accounts, the search
 * index and the keys it would make, and goes on; nothing is made twice. Through Axon Server the command side once stopped here, since a repeated
 * creation arrives there as a different failure than on the JDBC store (this class passed in the {@code axonserver}
 * run; the {@code remote-like} run checks that answer in {@link RefusalsOnEveryBusIT}).
 */
class AppRestartIT {

    private static final long DEMO_BALANCE = 1_000_000;

    @RegisterExtension
    static final StackExtension stack = new StackExtension("apprestart", 1, "--spring.profiles.include=loadtest",
                                                           Tokens.privateKeyArgument())
            .withQueryArgs("--spring.profiles.include=loadtest", Tokens.privateKeyArgument());

    /** Both apps sign dev tokens with the same key, issuer and audience: one app's token opens the other. */
    @Test
    void canGetADevTokenFromEitherApp() {
        for (URI issuing : List.of(stack.command(), stack.query())) {
            Answer issued = Http.post(issuing.resolve("/api/dev/tokens"),
                                      Map.of("subject", "alice", "roles", List.of("CLIENT")));
            assertThat(issued.status()).as("%s", issued.body()).isEqualTo(200);
            assertThat(issued.body().path("expiresAt").asText()).isNotBlank();
            String token = issued.body().path("token").asText();
            assertThat(Http.get(stack.query().resolve("/api/accounts/alice"), token).status()).isEqualTo(200);
            assertThat(Http.post(stack.command().resolve("/api/accounts/alice/deposits"),
                                 Map.of("depositId", UUID.randomUUID().toString(), "amount", 0), token).status())
                    .as("a CLIENT's own deposit passes the rules (the amount is refused after)").isIn(400, 202);
        }
    }

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
