package dev.jangteo.query.account;

import dev.jangteo.query.readmodel.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.Map;

/** The user's account, for the data export: email and name while it is open, erased after. */
@Component
@Order(10)
class AccountPersonalRows implements PersonalRows {

    private final JdbcClient jdbc;

    AccountPersonalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> sectionsOf(String userId) {
        // A map that takes null: a user without an account has an export with "account": null.
        return Collections.singletonMap("account", jdbc.sql(
                        "SELECT user_id, email, name, balance, opened_at, updated_at, closed_at "
                                + "FROM query_side.account_view WHERE user_id = ?")
                .param(userId).query(ROW).optional().orElse(null));
    }
}
