package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a projection cannot handle goes to its group's dead-letter queue in PostgreSQL, later events of the same
 * aggregate wait behind it, and the events of other aggregates keep flowing. Operators see the letters, retry them
 * once the cause is fixed, or evict one with a record of who did it. The poison here is a claim on a coupon the
 * store never defined, written into the event table by hand as a corrupted history would hold it; the fix is the
 * coupon's row put into the read model by hand.
 */
class DeadLetterIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("deadletter", 1);

    @Test
    void canParkAPoisonEventAndKeepProjectingTheRest() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        appendClaimOnUndefinedCoupon(ghost, 0, "ghost");

        String couponId = CouponRace.define(stack.command(), 5);
        CouponRace.race(stack.commands(), couponId, CouponRace.users("alive", 3));
        CouponRace.awaitProjected(stack.query(), couponId, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(ghost) == 1);
        try (Connection connection = stack.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT processing_group, cause_type FROM query_side.dead_letter_entry "
                             + "WHERE aggregate_identifier = ?")) {
            statement.setString(1, ghost);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("processing_group")).isEqualTo("coupons");
                assertThat(row.getString("cause_type")).isNotBlank();
            }
        }
    }

    @Test
    void canCountTheLettersForPrometheusAsTheApiDoes() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        appendClaimOnUndefinedCoupon(ghost, 0, "counted");
        awaitSequence(ghost, 1);

        // The gauge follows within a metrics refresh (jangteo.metrics.refresh-interval).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            long letters = 0;
            for (JsonNode queue : Http.get(stack.query().resolve("/api/admin/dead-letters")).body().get("groups")) {
                if (queue.get("group").asText().equals("coupons")) {
                    letters = queue.get("letters").asLong();
                }
            }
            assertThat(letters).isPositive();
            assertThat(Prometheus.series(stack.query(), "jangteo_dead_letters"))
                    .contains("jangteo_dead_letters{application=\"query-side\",group=\"coupons\"} " + letters + ".0");
        });
    }

    @Test
    void canShowLaterEventsOfTheSameAggregateWaitingBehindTheFirstLetter() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        appendClaimOnUndefinedCoupon(ghost, 0, "first");
        appendClaimOnUndefinedCoupon(ghost, 1, "second");

        JsonNode sequence = awaitSequence(ghost, 2);

        JsonNode first = sequence.get("letters").get(0);
        assertThat(first.get("payloadType").asText()).endsWith("CouponIssuedEvent");
        assertThat(first.get("aggregateSequence").asLong()).isZero();
        assertThat(first.get("causeType").asText()).isNotBlank();
        assertThat(first.get("enqueuedAt").asText()).isNotBlank();
        assertThat(sequence.get("letters").get(1).get("aggregateSequence").asLong()).isEqualTo(1);
    }

    @Test
    void canRetryLettersOnceTheCauseIsFixed() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        appendClaimOnUndefinedCoupon(ghost, 0, ghost + "-first");
        appendClaimOnUndefinedCoupon(ghost, 1, ghost + "-second");
        awaitSequence(ghost, 2);

        defineCouponInReadModel(ghost);
        Answer retry = Http.post(stack.query().resolve("/api/admin/dead-letters/coupons/retry"), "");

        assertThat(retry.status()).as("retry: %s", retry.body()).isEqualTo(200);
        assertThat(retry.body().get("succeeded").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(sequenceOf(ghost)).isNull();
        assertThat(Shop.get(stack.query(), "/api/coupons/" + ghost).get("issued").asInt()).isEqualTo(2);
    }

    @Test
    void canEvictALetterLeavingAnAuditRecord() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        appendClaimOnUndefinedCoupon(ghost, 0, "evicted");
        String letter = awaitSequence(ghost, 1).get("letters").get(0).get("id").asText();

        Answer evicted = evict("coupons", letter, "operator-kim");

        assertThat(evicted.status()).as("evict: %s", evicted.body()).isEqualTo(200);
        assertThat(evicted.body().get("evictedBy").asText()).isEqualTo("operator-kim");
        assertThat(sequenceOf(ghost)).isNull();
        assertThat(CouponRace.count(stack.get(), "SELECT count(*) FROM query_side.dead_letter_eviction "
                + "WHERE dead_letter_identifier = ? AND evicted_by = 'operator-kim' AND cause_type IS NOT NULL",
                                    letter)).isEqualTo(1);
    }

    @Test
    void cannotEvictWithoutAnOperatorToken() {
        Answer evicted = evict("coupons", UUID.randomUUID().toString(), null);

        ProblemPages.assertProblem(evicted, 401, "UNAUTHENTICATED");
    }

    @Test
    void cannotEvictAnUnknownLetter() {
        Answer evicted = evict("coupons", UUID.randomUUID().toString(), "operator-kim");

        ProblemPages.assertProblem(evicted, 404, "DEAD_LETTER_NOT_FOUND");
    }

    private static JsonNode awaitSequence(String aggregateId, int letters) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode sequence = sequenceOf(aggregateId);
            return sequence != null && sequence.get("letters").size() == letters;
        });
        return sequenceOf(aggregateId);
    }

    /** The sequence of the aggregate in the coupons queue, as the API shows it; null when there is none. */
    private static JsonNode sequenceOf(String aggregateId) {
        Answer queues = Http.get(stack.query().resolve("/api/admin/dead-letters"));
        assertThat(queues.status()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode queue : queues.body().get("groups")) {
            if (queue.get("group").asText().equals("coupons")) {
                queue.get("deadLetters").forEach(sequence -> {
                    if (sequence.get("letters").get(0).get("aggregateId").asText().equals(aggregateId)) {
                        found.add(sequence);
                    }
                });
            }
        }
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Evicts as the operator {@code actingUser} (an ADMIN token with that subject), or without a token if null. */
    private static Answer evict(String group, String letter, String actingUser) {
        return Http.delete(URI.create(stack.query() + "/api/admin/dead-letters/" + group + "/" + letter),
                           actingUser == null ? null : Tokens.of(actingUser, "ADMIN"));
    }

    private static void appendClaimOnUndefinedCoupon(String couponId, int sequence, String userId) throws Exception {
        Poison.appendClaimOnUndefinedCoupon(stack.get(), couponId, sequence, userId);
    }

    private static void defineCouponInReadModel(String couponId) throws Exception {
        Poison.defineCouponInReadModel(stack.get(), couponId);
    }

    private static long deadLetters(String aggregateId) throws Exception {
        return CouponRace.count(stack.get(), "SELECT count(*) FROM query_side.dead_letter_entry "
                + "WHERE aggregate_identifier = ?", aggregateId);
    }
}
