package dev.jangteo.system;

import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Axon Server goes away under both apps and comes back (through a proxy, so the server itself keeps running): a
 * command meanwhile answers 503 with Retry-After and leaves nothing half-done, the read models still answer, and
 * afterwards commands and projections carry on where they were. Only in the run against a real Axon Server
 * ({@code -Paxonserver}); {@link StoreOutageIT} is the same for PostgreSQL.
 */
@EnabledIf("dev.jangteo.system.Stack#commandsAreRouted")
class AxonServerOutageIT {

    static final TcpProxy axonServer = TcpProxy.to(URI.create("tcp://" + Stack.axonServerAddress()));

    @RegisterExtension
    static final StackExtension stack = new StackExtension("axonoutage", 1, routedThrough(axonServer))
            .withQueryArgs(routedThrough(axonServer));

    @AfterAll
    static void closeProxy() {
        axonServer.close();
    }

    @Test
    void canAnswer503WhileAxonServerIsDownAndLoseNothing() {
        String couponId = CouponRace.claimedAndProjected(stack, 20, 3);

        axonServer.cut();
        Answer refused = CouponRace.claim(stack.command(), couponId, "during");
        Answer read = Http.get(stack.query().resolve("/api/coupons/" + couponId));
        axonServer.restore();

        assertThat(refused.status()).as("a claim while Axon Server is down: %s", refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(read.status()).as("the read model answers: %s", read.body()).isEqualTo(200);
        assertThat(read.body().get("issued").asInt()).isEqualTo(3);

        Answer retried = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                                .until(() -> CouponRace.claim(stack.command(), couponId, "during"),
                                       response -> response.status() != 503);
        assertThat(retried.status()).as("%s", retried.body()).isEqualTo(201);
        assertThat(retried.body().get("sequence").asLong()).as("the refused claim left nothing behind").isEqualTo(4);
        CouponRace.awaitProjected(stack.query(), couponId, 4);
    }

    private static String routedThrough(TcpProxy proxy) {
        return "--axon.axonserver.servers=127.0.0.1:" + proxy.port();
    }
}
