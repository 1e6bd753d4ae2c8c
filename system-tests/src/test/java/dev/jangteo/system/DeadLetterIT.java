package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a projection cannot handle goes to its group's dead-letter queue in PostgreSQL, and the events of
 * other aggregates keep flowing. The poison here is a claim on a coupon the store never defined, written into
 * the event table by hand as a corrupted history would hold it.
 */
class DeadLetterIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("deadletter", 1);

    @Test
    void canParkAPoisonEventAndKeepProjectingTheRest() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        appendClaimOnUndefinedCoupon(ghost);

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

    private static void appendClaimOnUndefinedCoupon(String couponId) throws Exception {
        try (Connection connection = stack.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO command_side.domain_event_entry (event_identifier, aggregate_identifier,
                         sequence_number, type, time_stamp, payload_type, payload, meta_data)
                     VALUES (?, ?, 0, 'Coupon', now(), 'dev.jangteo.api.coupon.CouponIssuedEvent',
                             convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, couponId);
            insert.setString(3, "{\"couponId\":\"" + couponId + "\",\"userId\":\"ghost\",\"sequence\":1,"
                    + "\"requestedAt\":\"2026-11-21T00:00:00Z\"}");
            insert.executeUpdate();
        }
    }

    private static long deadLetters(String aggregateId) throws Exception {
        return CouponRace.count(stack.get(), "SELECT count(*) FROM query_side.dead_letter_entry "
                + "WHERE aggregate_identifier = ?", aggregateId);
    }
}
