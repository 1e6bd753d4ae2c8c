package dev.jangteo.query.order;

import dev.jangteo.query.readmodel.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The user's orders, oldest first, each with its lines, for the data export. */
@Component
@Order(30)
class OrderPersonalRows implements PersonalRows {

    private final JdbcClient jdbc;

    OrderPersonalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> sectionsOf(String userId) {
        List<Map<String, Object>> orders = jdbc.sql("""
                SELECT order_id, status, reason, coupon_id, subtotal, discount, total, placed_at, paid_at,
                       rejected_at, cancellation_requested_at, cancelled_at
                FROM query_side.order_view WHERE user_id = ? ORDER BY placed_at, order_id""")
                                               .param(userId).query(ROW).list();
        for (Map<String, Object> order : orders) {
            order.put("lines", jdbc.sql("SELECT line_no, product_id, quantity, unit_price "
                                                + "FROM query_side.order_line_view WHERE order_id = ? ORDER BY line_no")
                                   .param(order.get("orderId")).query(ROW).list());
        }
        return Map.of("orders", orders);
    }
}
