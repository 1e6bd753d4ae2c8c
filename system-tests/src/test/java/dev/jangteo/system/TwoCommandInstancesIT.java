package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.LongStream;

import static dev.jangteo.system.CouponRace.Claim;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side instances on one event store, each with its own cached copy of the coupon: optimistic concurrency
 * on the event table rejects the loser of each race, which retries on fresh state. Nothing is issued twice or
 * beyond the quantity.
 */
class TwoCommandInstancesIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("two", 2);

    @Test
    void canIssueExactlyFiftyToTwoHundredClientsSpreadOverTwoInstances() throws Exception {
        String couponId = CouponRace.define(stack.command(0), 50);

        List<Claim> claims = CouponRace.race(stack.commands(), couponId, CouponRace.users("pair", 200));

        CouponRaceIT.assertExactlyFiftyWon(claims);
        assertThat(CouponRace.issuedEvents(stack.get(), couponId)).hasSize(50);
        CouponRace.awaitProjected(stack.query(), couponId, 50);
    }

    @Test
    void canKeepPlacesContiguousWhenBothInstancesWriteMostOfTheTime() throws Exception {
        String couponId = CouponRace.define(stack.command(1), 300);

        List<Claim> claims = CouponRace.race(stack.commands(), couponId, CouponRace.users("busy", 400));

        List<Claim> won = claims.stream().filter(claim -> claim.status() == 201).toList();
        assertThat(won).extracting(Claim::sequence)
                       .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
        assertThat(claims).filteredOn(claim -> claim.status() != 201)
                          .allMatch(claim -> "COUPON_SOLD_OUT".equals(claim.code()));
        List<JsonNode> events = CouponRace.issuedEvents(stack.get(), couponId);
        assertThat(events).hasSize(300);
        assertThat(events).extracting(event -> event.get("userId").asText()).doesNotHaveDuplicates();
        assertThat(events).extracting(event -> event.get("sequence").asLong())
                          .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
    }

    @Test
    void canRecoverFromAStaleCachedCouponWhenInstancesTakeTurns() {
        String couponId = CouponRace.define(stack.command(0), 10);
        double lostBefore = lostRaces(0) + lostRaces(1);

        for (int i = 1; i <= 10; i++) {
            Http.Response claim = CouponRace.claim(stack.command(i % 2), couponId, "turn-" + i);
            assertThat(claim.status()).isEqualTo(201);
            assertThat(claim.body().get("sequence").asLong()).isEqualTo(i);
        }

        // From the third claim on, each instance's cached coupon is one write behind: the store refuses the
        // stale append and the claim is decided again on fresh state.
        assertThat(lostRaces(0) + lostRaces(1) - lostBefore).isGreaterThanOrEqualTo(8);
    }

    private static double lostRaces(int instance) {
        Http.Response metric = Http.get(stack.command(instance).resolve(
                "/actuator/metrics/jangteo.coupon.issue.lost.races"));
        return metric.body().path("measurements").path(0).path("value").asDouble();
    }
}
