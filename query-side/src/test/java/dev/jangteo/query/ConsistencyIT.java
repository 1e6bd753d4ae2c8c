package dev.jangteo.query;

import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.OrderEvents;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static dev.jangteo.query.support.OrderEvents.line;
import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Read your own writes: a read with a command's consistency token waits for its projection, bounded. */
@TestPropertySource(properties = "jangteo.consistency.max-wait=1s")
class ConsistencyIT extends QuerySideStack {

    @Test
    void canReadTheWriteOfTheTokenAsConsistent() {
        String user = Ids.of("user");
        history.append("Account", user, new AccountOpenedEvent(user, "a@jangteo.dev", "Lee"));
        long deposit = history.append("Account", user,
                                      new FundsDepositedEvent(user, "d1", Money.won(7_000), Money.won(7_000)));

        Answer account = http.get("/api/accounts/" + user, deposit);

        assertThat(account.status()).isEqualTo(200);
        assertThat(account.header("X-Consistency")).isEqualTo("CONSISTENT");
        assertThat(Long.parseLong(account.header("X-Consistency-Position"))).isGreaterThanOrEqualTo(deposit);
        assertThat(account.body().path("balance").asLong()).isEqualTo(7_000);
    }

    @Test
    void canTakeTheTokenAsAQueryParameter() {
        String user = Ids.of("user");
        long opened = history.append("Account", user, new AccountOpenedEvent(user, "b@jangteo.dev", "Park"));

        Answer account = http.get("/api/accounts/" + user + "?consistentWith=" + opened);

        assertThat(account.header("X-Consistency")).isEqualTo("CONSISTENT");
        assertThat(account.status()).isEqualTo(200);
    }

    @Test
    void canBeConsistentAtAPositionTheGroupHasNoHandlerFor() {
        String user = Ids.of("user");
        history.append("Account", user, new AccountOpenedEvent(user, "c@jangteo.dev", "Choi"));
        OrderEvents order = OrderEvents.of(user, line("p", 1, 100));
        long placed = history.append(OrderEvents.AGGREGATE, order.orderId(), order.placed(Instant.now()));

        Answer account = http.get("/api/accounts/" + user, placed);

        assertThat(account.header("X-Consistency")).isEqualTo("CONSISTENT");
    }

    @Test
    void canAnswerStaleWithTheCurrentDataPastTheBound() {
        String user = Ids.of("user");
        long opened = history.append("Account", user, new AccountOpenedEvent(user, "d@jangteo.dev", "Jung"));
        http.get("/api/accounts/" + user, opened);

        Answer account = http.get("/api/accounts/" + user, opened + 1_000);

        assertThat(account.status()).isEqualTo(200);
        assertThat(account.header("X-Consistency")).isEqualTo("STALE");
        assertThat(Long.parseLong(account.header("X-Consistency-Position"))).isBetween(opened, opened + 999);
        assertThat(account.body().path("name").asText()).isEqualTo("Jung");
    }

    @Test
    void canReadTheTokenRowAsAxonWroteIt() {
        String user = Ids.of("user");
        long opened = history.append("Account", user, new AccountOpenedEvent(user, "e@jangteo.dev", "Yoon"));
        http.get("/api/accounts/" + user, opened);

        var row = jdbc.sql("SELECT token, token_type FROM query_side.token_entry WHERE processor_name = 'accounts' "
                               + "AND segment = 0")
                      .query((rs, n) -> rs.getString("token_type") + " " + new String(rs.getBytes("token"),
                                                                                      StandardCharsets.UTF_8))
                      .single();

        assertThat(row).matches("org\\.axonframework\\.eventhandling\\.GapAwareTrackingToken "
                                        + "\\{\"index\":\\d+,\"gaps\":\\[[0-9,]*]}");
    }

    @Test
    void canAnswerAtOnceWithoutAToken() {
        Answer missing = http.get("/api/orders/unknown");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("X-Consistency")).isNull();
    }

    @Test
    void canWaitOnTheCouponEndpointsToo() {
        Answer coupons = http.get("/api/users/" + Ids.of("user") + "/coupons", history.lastPosition());

        assertThat(coupons.status()).isEqualTo(200);
        assertThat(coupons.header("X-Consistency")).isEqualTo("CONSISTENT");
    }

    @Test
    void cannotReadWithAMalformedToken() {
        for (String token : List.of("abc", "-1", "1.5", "0x10", "", "1234567890123456789")) {
            Answer refused = http.get("/api/orders/any", "X-Consistency-Token", token);

            assertProblem(refused, 400, "VALIDATION_FAILED", token);
        }
        Answer parameter = http.get("/api/products?consistentWith=soon");
        assertProblem(parameter, 400, "VALIDATION_FAILED");
    }

    @Test
    void cannotGiveTwoDifferentTokens() {
        Answer refused = http.get("/api/products?consistentWith=5", "X-Consistency-Token", "6");

        assertProblem(refused, 400, "VALIDATION_FAILED");
    }
}
