package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.LongStream;

import static dev.jangteo.system.CouponRace.Claim;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md's coupon invariants over HTTP on the real stack: no oversell, one copy per user, places 1..N. */
class CouponRaceIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("race", 1);

    @Test
    void canIssueExactlyFiftyToTwoHundredConcurrentClients() throws Exception {
        String couponId = CouponRace.define(stack.command(), 50);

        List<Claim> claims = CouponRace.race(stack.commands(), couponId, CouponRace.users("racer", 200));

        assertExactlyFiftyWon(claims);
        List<JsonNode> events = CouponRace.issuedEvents(stack.get(), couponId);
        assertThat(events).hasSize(50);
        assertThat(events).extracting(event -> event.get("userId").asText()).doesNotHaveDuplicates();
        JsonNode view = CouponRace.awaitProjected(stack.query(), couponId, 50);
        assertThat(view.get("remaining").asInt()).isZero();
        assertThat(CouponRace.count(stack.get(), "SELECT count(*) FROM query_side.user_coupon WHERE coupon_id = ?",
                                    couponId)).isEqualTo(50);
    }

    @Test
    void cannotIssueTwiceToOneUserRacingAgainstThemselves() throws Exception {
        String couponId = CouponRace.define(stack.command(), 10);

        List<Claim> claims = CouponRace.race(stack.commands(), couponId, java.util.Collections.nCopies(20, "greedy"));

        assertThat(claims).filteredOn(claim -> claim.status() == 201).hasSize(1);
        assertThat(claims).filteredOn(claim -> claim.status() == 409)
                          .hasSize(19)
                          .allMatch(claim -> "COUPON_ALREADY_ISSUED".equals(claim.code()));
        assertThat(CouponRace.issuedEvents(stack.get(), couponId)).hasSize(1);
    }

    @Test
    void canShowAUserTheCouponsTheyHold() throws Exception {
        String couponId = CouponRace.define(stack.command(), 3);
        CouponRace.race(stack.commands(), couponId, List.of("holder"));
        CouponRace.awaitProjected(stack.query(), couponId, 1);

        JsonNode held = Http.get(stack.query().resolve("/api/users/holder/coupons")).body();

        assertThat(held.get("coupons")).hasSize(1);
        assertThat(held.get("coupons").get(0).get("couponId").asText()).isEqualTo(couponId);
        assertThat(held.get("coupons").get(0).get("state").asText()).isEqualTo("ISSUED");
        assertThat(held.get("coupons").get(0).get("sequence").asLong()).isEqualTo(1);
    }

    static void assertExactlyFiftyWon(List<Claim> claims) {
        assertThat(claims).hasSize(200);
        List<Claim> won = claims.stream().filter(claim -> claim.status() == 201).toList();
        assertThat(won).hasSize(50);
        assertThat(won).extracting(Claim::sequence)
                       .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(claims).filteredOn(claim -> claim.status() != 201)
                          .hasSize(150)
                          .allMatch(claim -> claim.status() == 409 && "COUPON_SOLD_OUT".equals(claim.code()));
    }
}
