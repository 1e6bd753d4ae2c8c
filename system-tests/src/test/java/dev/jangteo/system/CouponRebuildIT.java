package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The coupon read model is a pure function of the events: an empty read model and no token rebuild it exactly. */
class CouponRebuildIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("rebuild", 1);

    @Test
    void canRebuildTheSameReadModelFromTheEventsAlone() throws Exception {
        String scarce = CouponRace.define(stack.command(), 50);
        String plenty = CouponRace.define(stack.command(), 1_000);
        List<String> users = CouponRace.users("rebuild", 120);
        CouponRace.race(stack.commands(), scarce, users);
        CouponRace.race(stack.commands(), plenty, users.subList(0, 70));
        CouponRace.awaitProjected(stack.query(), scarce, 50);
        CouponRace.awaitProjected(stack.query(), plenty, 70);
        Map<String, JsonNode> before = readModel(List.of(scarce, plenty), users);

        stack.get().stopQuerySide();
        try (Connection connection = stack.connect()) {
            connection.createStatement().execute(
                    "TRUNCATE query_side.user_coupon, query_side.coupon_view, query_side.token_entry");
        }
        stack.get().startQuerySide();
        CouponRace.awaitProjected(stack.query(), scarce, 50);
        CouponRace.awaitProjected(stack.query(), plenty, 70);

        assertThat(readModel(List.of(scarce, plenty), users)).isEqualTo(before);
    }

    private static Map<String, JsonNode> readModel(List<String> couponIds, List<String> users) {
        Map<String, JsonNode> model = new LinkedHashMap<>();
        couponIds.forEach(id -> model.put(id, Http.get(stack.query().resolve("/api/coupons/" + id)).body()));
        users.forEach(user -> model.put(user, Http.get(stack.query().resolve("/api/users/" + user + "/coupons"))
                                                  .body()));
        return model;
    }
}
