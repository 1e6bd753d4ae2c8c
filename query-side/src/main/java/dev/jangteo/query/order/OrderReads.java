package dev.jangteo.query.order;

import dev.jangteo.api.order.OrderStatus;
import dev.jangteo.api.order.RejectionReason;
import dev.jangteo.query.order.OrderQueryController.Line;
import dev.jangteo.query.order.OrderQueryController.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One order as its user reads it, in one statement (the order joined to its lines) on a connection in auto-commit:
 * a long poll reads an order several times, and through JPA each read was a transaction, two queries and a
 * persistence context for a row that it never changes. The projection keeps writing through {@link OrderView}.
 */
@Component
class OrderReads {

    private static final String ORDER_WITH_LINES = """
            SELECT o.order_id, o.user_id, o.status, o.reason, o.coupon_id, o.subtotal, o.discount, o.total,
                   o.placed_at, o.paid_at, o.rejected_at, o.cancellation_requested_at, o.cancelled_at,
                   l.product_id, l.quantity, l.unit_price
              FROM query_side.order_view o
              LEFT JOIN query_side.order_line_view l ON l.order_id = o.order_id
             WHERE o.order_id = ?
             ORDER BY l.line_no""";

    private final JdbcClient jdbc;

    OrderReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Order> find(String orderId) {
        return jdbc.sql(ORDER_WITH_LINES).param(orderId).query(OrderReads::order);
    }

    private static Optional<Order> order(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        Order order = new Order(rows.getString("order_id"), rows.getString("user_id"),
                                OrderStatus.valueOf(rows.getString("status")),
                                rows.getString("reason") == null ? null
                                        : RejectionReason.valueOf(rows.getString("reason")),
                                List.of(), rows.getString("coupon_id"), number(rows, "subtotal"),
                                number(rows, "discount"), number(rows, "total"), instant(rows, "placed_at"),
                                instant(rows, "paid_at"), instant(rows, "rejected_at"),
                                instant(rows, "cancellation_requested_at"), instant(rows, "cancelled_at"));
        List<Line> lines = new ArrayList<>();
        do {
            String productId = rows.getString("product_id");
            if (productId != null) {
                lines.add(Line.of(new OrderLineEntry(productId, rows.getInt("quantity"), number(rows, "unit_price"))));
            }
        } while (rows.next());
        return Optional.of(order.withLines(List.copyOf(lines)));
    }

    private static Long number(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
