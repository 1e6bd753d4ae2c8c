package dev.jangteo.command.coupon;

import dev.jangteo.api.coupon.IssueCouponResult;
import dev.jangteo.api.coupon.IssueOutcome;
import dev.jangteo.api.coupon.IssueRefusal;
import dev.jangteo.platform.axon.AuditMetadata;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.jangteo.command.coupon.Coupons.NOW;
import static dev.jangteo.command.coupon.Coupons.claims;
import static dev.jangteo.command.coupon.Coupons.claimsAt;
import static dev.jangteo.command.coupon.Coupons.define;
import static dev.jangteo.command.coupon.Coupons.defined;
import static dev.jangteo.command.coupon.Coupons.issued;
import static dev.jangteo.command.coupon.Coupons.limited;
import static dev.jangteo.command.coupon.Coupons.validBetween;

class CouponTest {

    private AggregateTestFixture<Coupon> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coupon.class);
    }

    @Test
    void canDefineCoupon() {
        fixture.givenNoPriorActivity()
               .when(define(limited(50)))
               .expectEvents(defined(limited(50)));
    }

    @Test
    void cannotIssueUndefinedCoupon() {
        fixture.givenNoPriorActivity()
               .when(claims("alice"))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void canIssueWhileStockRemains() {
        fixture.given(defined(limited(2)), issued("alice", 1))
               .when(claims("bob"))
               .expectEvents(issued("bob", 2))
               .expectResultMessagePayload(result(IssueOutcome.issued("bob", 2)));
    }

    @Test
    void cannotIssueWhenSoldOut() {
        fixture.given(defined(limited(1)), issued("alice", 1))
               .when(claims("bob"))
               .expectNoEvents()
               .expectResultMessagePayload(result(IssueOutcome.refused("bob", IssueRefusal.SOLD_OUT)));
    }

    @Test
    void cannotIssueTwiceToOneUser() {
        fixture.given(defined(limited(5)), issued("alice", 1))
               .when(claims("alice"))
               .expectNoEvents()
               .expectResultMessagePayload(result(IssueOutcome.refused("alice", IssueRefusal.ALREADY_ISSUED)));
    }

    @Test
    void cannotIssueTwiceToOneUserWithinOneBatch() {
        fixture.given(defined(limited(5)))
               .when(claims("alice", "alice"))
               .expectEvents(issued("alice", 1))
               .expectResultMessagePayload(result(IssueOutcome.issued("alice", 1),
                                                  IssueOutcome.refused("alice", IssueRefusal.ALREADY_ISSUED)));
    }

    @Test
    void cannotIssueBeforeValidFrom() {
        fixture.given(defined(validBetween(NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)))))
               .when(claimsAt(NOW, "alice"))
               .expectNoEvents()
               .expectResultMessagePayload(result(IssueOutcome.refused("alice", IssueRefusal.NOT_ACTIVE)));
    }

    @Test
    void cannotIssueOnceExpired() {
        fixture.given(defined(validBetween(NOW.minus(Duration.ofDays(1)), NOW)))
               .when(claimsAt(NOW, "alice"))
               .expectNoEvents()
               .expectResultMessagePayload(result(IssueOutcome.refused("alice", IssueRefusal.NOT_ACTIVE)));
    }

    @Test
    void canIssueInsideValidityWindow() {
        fixture.given(defined(validBetween(NOW, NOW.plus(Duration.ofDays(1)))))
               .when(claimsAt(NOW, "alice"))
               .expectEvents(issued("alice", 1));
    }

    @Test
    void decidesBatchInArrivalOrderUpToTheLastCopy() {
        fixture.given(defined(limited(3)), issued("alice", 1))
               .when(claims("bob", "carol", "dave"))
               .expectEvents(issued("bob", 2), issued("carol", 3))
               .expectResultMessagePayload(result(IssueOutcome.issued("bob", 2),
                                                  IssueOutcome.issued("carol", 3),
                                                  IssueOutcome.refused("dave", IssueRefusal.SOLD_OUT)));
    }

    @Test
    void recordsTheClaimantAsActingUser() {
        fixture.given(defined(limited(3)))
               .when(claims("bob"))
               .expectEvents(GenericEventMessage.asEventMessage(issued("bob", 1))
                                                .andMetaData(Map.of(AuditMetadata.ACTING_USER, "bob")));
    }

    private static IssueCouponResult result(IssueOutcome... outcomes) {
        return new IssueCouponResult(List.of(outcomes));
    }
}
