package dev.jangteo.query.coupon;

import dev.jangteo.query.readmodel.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The coupons the user holds, for the data export. */
@Component
@Order(40)
class CouponPersonalRows implements PersonalRows {

    private final JdbcClient jdbc;

    CouponPersonalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> sectionsOf(String userId) {
        return Map.of("coupons", jdbc.sql("""
                SELECT u.coupon_id, c.name, c.discount_type, c.discount_value, u.state, u.sequence, u.issued_at
                FROM query_side.user_coupon u JOIN query_side.coupon_view c ON c.coupon_id = u.coupon_id
                WHERE u.user_id = ? ORDER BY u.issued_at, u.coupon_id""")
                                     .param(userId).query(ROW).list());
    }
}
