package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key on creating commands: a retry gets the first answer and changes nothing, on either of two
 * command-side instances (the key's row in PostgreSQL is the lock).
 */
class IdempotencyIT {

    private static final String COUPON_DEFINED = "dev.jangteo.api.coupon.CouponDefinedEvent";
    private static final String ACCOUNT_OPENED = "dev.jangteo.api.account.AccountOpenedEvent";

    @RegisterExtension
    static final StackExtension stack = new StackExtension("idempotency", 2);

    @Test
    void canReplayTheFirstAnswerToTheSameKeyAndBody() {
        String key = UUID.randomUUID().toString();
        long before = Events.count(stack.query(), COUPON_DEFINED);

        Wire.Reply first = defineCoupon(stack.command(0), key, "Spring sale");
        Wire.Reply retry = defineCoupon(stack.command(1), key, "Spring sale");

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.headers().first("Idempotency-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.headers().first("Idempotency-Replayed")).isEqualTo("true");
        assertThat(Events.count(stack.query(), COUPON_DEFINED)).isEqualTo(before + 1);
    }

    @Test
    void canReplayTheConsistencyTokenOfTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String userId = Shop.unique("idem");
        Map<String, Object> account = Map.of("userId", userId, "email", userId + "@example.com", "name", "Idem");

        Wire.Reply first = Wire.post(stack.command().resolve("/api/accounts")).header("Idempotency-Key", key)
                               .json(account).send();
        Wire.Reply retry = Wire.post(stack.command().resolve("/api/accounts")).header("Idempotency-Key", key)
                               .json(account).send();

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(retry.status()).as("a retry is not a 409 ACCOUNT_ALREADY_EXISTS").isEqualTo(201);
        assertThat(retry.headers().first("X-Consistency-Token"))
                .isNotNull()
                .isEqualTo(first.headers().first("X-Consistency-Token"));
        assertThat(Events.payloads(stack.query(), userId, ACCOUNT_OPENED)).hasSize(1);
    }

    @Test
    void cannotReuseAKeyForAnotherBody() {
        String key = UUID.randomUUID().toString();
        long before = Events.count(stack.query(), COUPON_DEFINED);

        assertThat(defineCoupon(stack.command(0), key, "First").status()).isEqualTo(201);
        Wire.Reply other = defineCoupon(stack.command(1), key, "Second");

        assertThat(other.status()).as("%s", other).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.isProblem()).isTrue();
        assertThat(Events.count(stack.query(), COUPON_DEFINED)).isEqualTo(before + 1);
    }

    @Test
    void cannotReuseAKeyForAnotherPath() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> claim = Map.of("userId", Shop.unique("claimer"));
        assertThat(Wire.post(stack.command().resolve("/api/coupons/none-1/issues")).header("Idempotency-Key", key)
                       .json(claim).send().status()).isEqualTo(404);

        Wire.Reply other = Wire.post(stack.command().resolve("/api/coupons/none-2/issues"))
                               .header("Idempotency-Key", key).json(claim).send();

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void canTakeEffectOnceUnderConcurrentDuplicatesOnTwoInstances() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        long before = Events.count(stack.query(), COUPON_DEFINED);
        List<Wire.Reply> replies = Shop.allAtOnce(16, client -> defineCoupon(stack.command(client % 2), key,
                                                                              "Stampede"));

        List<Wire.Reply> created = replies.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isIn(201, 409));
        assertThat(replies.stream().filter(reply -> reply.status() == 409))
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
        assertThat(created.stream().filter(reply -> reply.headers().first("Idempotency-Replayed") == null))
                .hasSize(1);
        assertThat(created.stream().map(Wire.Reply::raw).distinct()).hasSize(1);
        assertThat(Events.count(stack.query(), COUPON_DEFINED)).isEqualTo(before + 1);
    }

    @Test
    void canReplayARefusal() {
        String key = UUID.randomUUID().toString();
        Wire.Reply first = Wire.post(stack.command().resolve("/api/orders/no-such-order/cancellation"))
                               .header("Idempotency-Key", key).send();
        Wire.Reply retry = Wire.post(stack.command().resolve("/api/orders/no-such-order/cancellation"))
                               .header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(404);
        assertThat(retry.status()).isEqualTo(404);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.headers().first("Idempotency-Replayed")).isEqualTo("true");
    }

    @Test
    void changesNothingWithoutAKey() {
        long before = Events.count(stack.query(), COUPON_DEFINED);

        Wire.Reply first = defineCoupon(stack.command(), null, "Keyless");
        Wire.Reply second = defineCoupon(stack.command(), null, "Keyless");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.raw()).isNotEqualTo(first.raw());
        assertThat(Events.count(stack.query(), COUPON_DEFINED)).isEqualTo(before + 2);
    }

    @Test
    void cannotUseAKeyThatIsNotPrintableAscii() {
        long before = Events.count(stack.query());
        for (String key : List.of("x".repeat(256), " ")) {
            Wire.Reply reply = defineCoupon(stack.command(), key, "Bad key");
            assertThat(reply.status()).as("key %s: %s", key, reply).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        }
        for (String key : List.of("열쇠", "tab\there")) {
            byte[] body = "{\"name\":\"x\",\"discountType\":\"FIXED\",\"discountValue\":1,\"totalQuantity\":1}"
                    .getBytes(StandardCharsets.UTF_8);
            Wire.Reply reply = Wire.raw(stack.command(), "POST /api/coupons HTTP/1.1\r\nContent-Type: application/json"
                    + "\r\nAuthorization: Bearer " + Tokens.admin() + "\r\nIdempotency-Key: " + key, body);
            assertThat(reply.status()).as("key %s: %s", key, reply).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
            // Spring Security's firewall refuses such a header value (MALFORMED_REQUEST) before the key is looked at.
            assertThat(reply.code()).isIn("IDEMPOTENCY_KEY_INVALID", "MALFORMED_REQUEST");
        }
        assertThat(defineCoupon(stack.command(), "k".repeat(255), "Longest key").status()).isEqualTo(201);
        assertThat(Events.count(stack.query())).isEqualTo(before + 1);
    }

    private static Wire.Reply defineCoupon(URI command, String key, String name) {
        Wire.Call call = Wire.post(command.resolve("/api/coupons"))
                             .json(Map.of("name", name, "discountType", "FIXED", "discountValue", 500,
                                          "totalQuantity", 10));
        if (key != null) {
            call.header("Idempotency-Key", key);
        }
        return call.send();
    }
}
