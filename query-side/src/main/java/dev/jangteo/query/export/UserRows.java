package dev.jangteo.query.export;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-model rows of one user, straight from the query side's tables (named in full, like ChatReads), each row
 * as a map with camelCase keys and timestamps as instants.
 */
@Repository
class UserRows {

    private static final RowMapper<Map<String, Object>> ROW = (row, n) -> {
        ResultSetMetaData columns = row.getMetaData();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            Object value = columns.getColumnType(i) == Types.TIMESTAMP
                    || columns.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
                    ? Optional.ofNullable(row.getObject(i, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                              .orElse(null)
                    : row.getObject(i);
            values.put(camelCase(columns.getColumnLabel(i)), value);
        }
        return values;
    };

    private final JdbcClient jdbc;

    UserRows(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    Optional<Map<String, Object>> account(String userId) {
        return jdbc.sql("SELECT user_id, email, name, balance, opened_at, updated_at, closed_at "
                                + "FROM query_side.account_view WHERE user_id = ?")
                   .param(userId).query(ROW).optional();
    }

    /** The user's orders, oldest first, each with its lines. */
    List<Map<String, Object>> orders(String userId) {
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
        return orders;
    }

    List<Map<String, Object>> coupons(String userId) {
        return jdbc.sql("""
                SELECT u.coupon_id, c.name, c.discount_type, c.discount_value, u.state, u.sequence, u.issued_at
                FROM query_side.user_coupon u JOIN query_side.coupon_view c ON c.coupon_id = u.coupon_id
                WHERE u.user_id = ? ORDER BY u.issued_at, u.coupon_id""")
                   .param(userId).query(ROW).list();
    }

    /** Every room the user joined, also those they left. */
    List<Map<String, Object>> rooms(String userId) {
        return jdbc.sql("""
                SELECT r.room_id, r.name, r.owner_id = m.user_id AS owner, m.status, m.joined_at, m.left_at,
                       m.last_read_position
                FROM query_side.chat_member m JOIN query_side.chat_room r ON r.room_id = m.room_id
                WHERE m.user_id = ? ORDER BY m.joined_at, r.room_id""")
                   .param(userId).query(ROW).list();
    }

    List<Map<String, Object>> messages(String userId) {
        return jdbc.sql("""
                SELECT room_id, message_id, position, CASE WHEN deleted_at IS NULL THEN text END AS text, reply_to,
                       created_at, edited_at, deleted_at
                FROM query_side.chat_message WHERE sender_id = ? ORDER BY created_at, room_id, position""")
                   .param(userId).query(ROW).list();
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
