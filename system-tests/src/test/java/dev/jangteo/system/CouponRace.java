package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives coupon races over HTTP and reads what they left in the event store and the read model. */
final class CouponRace {

    record Claim(String userId, int status, String code, long sequence) {
    }

    private CouponRace() {
    }

    static String define(URI command, int quantity) {
        Answer created = Http.post(command.resolve("/api/coupons"), Map.of(
                "name", "Race of " + quantity, "discountType", "FIXED", "discountValue", 1000,
                "totalQuantity", quantity));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("couponId").asText();
    }

    /** A coupon of {@code quantity}, claimed by {@code claimed} users (each answered 201) and projected. */
    static String claimedAndProjected(StackExtension stack, int quantity, int claimed) {
        String couponId = define(stack.command(), quantity);
        for (String user : users("before", claimed)) {
            assertThat(claim(stack.command(), couponId, user).status()).isEqualTo(201);
        }
        awaitProjected(stack.query(), couponId, claimed);
        return couponId;
    }

    /** One claim through command-side instance {@code command}. */
    static Answer claim(URI command, String couponId, String userId) {
        return Http.post(command.resolve("/api/coupons/" + couponId + "/issues"), Map.of("userId", userId));
    }

    static List<String> users(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** Every user claims at the same moment; user i talks to command instance i mod n. */
    static List<Claim> race(List<URI> commands, String couponId, List<String> userIds) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Claim> claims = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            String userId = userIds.get(i);
            URI command = commands.get(i % commands.size());
            clients.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Answer response = claim(command, couponId, userId);
                claims.add(new Claim(userId, response.status(), response.code(),
                                     response.body().path("sequence").asLong(0)));
            }));
        }
        start.countDown();
        for (Thread client : clients) {
            client.join();
        }
        return List.copyOf(claims);
    }

    /** Payloads of the coupon's CouponIssuedEvents, in sequence order. */
    static List<JsonNode> issuedEvents(Stack stack, String couponId) {
        return Events.payloads(stack.query(), couponId, "dev.jangteo.api.coupon.CouponIssuedEvent");
    }

    /** Waits until the query side has projected {@code issued} copies, then returns its coupon view. */
    static JsonNode awaitProjected(URI query, String couponId, int issued) {
        URI coupon = query.resolve("/api/coupons/" + couponId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
               .until(() -> {
                   Answer response = Http.get(coupon);
                   return response.status() == 200 && response.body().get("issued").asInt() == issued;
               });
        return Http.get(coupon).body();
    }

    static long count(Stack stack, String sql, String parameter) throws SQLException {
        try (Connection connection = stack.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
