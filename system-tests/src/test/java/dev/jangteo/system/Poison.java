package dev.jangteo.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An event a projection cannot handle, and the operator's fix for it: a claim on a coupon the store never defined
 * sends the {@code coupons} group's handler into its dead-letter queue; the coupon's row put into the read model by
 * hand lets a retry succeed.
 */
final class Poison {

    private Poison() {
    }

    static void appendClaimOnUndefinedCoupon(Stack stack, String couponId, int sequence, String userId) throws Exception {
        // No API of ours appends an event that no aggregate would apply: the poison goes straight into the store,
        // the PostgreSQL event table or Axon Server (through its HTTP API).
        String payload = "{\"couponId\":\"" + couponId + "\",\"userId\":\"" + userId + "\",\"sequence\":"
                + (sequence + 1) + ",\"requestedAt\":\"2026-11-21T00:00:00Z\"}";
        if (Stack.onAxonServer()) {
            Stack.appendToAxonServer("Coupon", couponId, sequence, "dev.jangteo.api.coupon.CouponIssuedEvent", payload);
            return;
        }
        assumeTrue(Stack.eventTableIsTheStore(), "the poison event is written into the store's event table");
        try (Connection connection = stack.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO command_side.domain_event_entry (event_identifier, aggregate_identifier,
                         sequence_number, type, time_stamp, payload_type, payload, meta_data)
                     VALUES (?, ?, ?, 'Coupon', now(), 'dev.jangteo.api.coupon.CouponIssuedEvent',
                             convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, couponId);
            insert.setInt(3, sequence);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
    }

    /** The operator's fix: the coupon the claims need, put into the read model by hand. */
    static void defineCouponInReadModel(Stack stack, String couponId) throws Exception {
        try (Connection connection = stack.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO query_side.coupon_view (coupon_id, name, discount_type, discount_value,
                         total_quantity, issued, defined_at)
                     VALUES (?, 'Restored by hand', 'FIXED', 1000, 10, 0, now())""")) {
            insert.setString(1, couponId);
            insert.executeUpdate();
        }
    }
}
