package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side started while Redis does not answer: the rankings are answered from PostgreSQL meanwhile, and
 * rebuilt in Redis once it answers. A stack of its own, since its order would change another test's rankings.
 */
class RankingColdStartIT {

    static final TcpProxy redis = Redis.proxy();

    @RegisterExtension
    static final StackExtension stack = new StackExtension("rankingcold", 1).withRedisProxy(redis);

    /**
     * A query side that starts while Redis does not answer, with the rankings group new (its tokens gone, as when the
     * group is first deployed): it becomes ready and answers rankings from PostgreSQL; once Redis answers, its
     * rankings hold the history again, equal to PostgreSQL's.
     */
    @Test
    void canStartWhileRedisIsAwayAndCatchUpOnceItAnswers() throws Exception {
        URI command = stack.command();
        String product = Shop.product(command, 2_000, 1_000);
        String buyer = Shop.unique("buyer");
        Shop.openAccount(command, buyer, 1_000_000);
        Answer placed = Shop.placeOrder(command, buyer, Map.of(product, 3), null);
        assertThat(placed.status()).as("order: %s", placed.body()).isEqualTo(202);
        assertThat(Shop.awaitOutcome(stack.query(), placed.body().path("orderId").asText()).path("status").asText())
                .isEqualTo("PAID");
        String ranking = "/api/rankings/products?period=monthly&by=quantity&limit=100";

        stack.get().stopQuerySide();
        try (Connection connection = stack.get().connect()) {
            connection.createStatement().execute("DELETE FROM query_side.token_entry WHERE processor_name = 'rankings'");
        }
        JsonNode whileAway;
        redis.cut();
        try {
            stack.get().startQuerySide();
            whileAway = Shop.get(stack.query(), ranking);
        } finally {
            redis.restore();
        }

        assertThat(whileAway.path("source").asText()).isEqualTo("database");
        URI query = stack.query();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode fromRedis = Shop.get(query, ranking);
            assertThat(fromRedis.path("source").asText()).isEqualTo("redis");
            assertThat(fromRedis.path("items")).isEqualTo(Shop.get(query, ranking + "&source=database").path("items"));
        });
        assertThat(Shop.rankedQuantity(query, product)).isEqualTo(3);
    }

}
