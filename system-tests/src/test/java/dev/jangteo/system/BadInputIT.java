package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.Map;

import static dev.jangteo.system.ProblemPages.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx problem+json with a stable code and changes nothing. */
class BadInputIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("badinput", 1);

    @Test
    void answersMalformedJsonWith400() {
        assertProblem(Http.post(stack.command().resolve("/api/coupons"), "{\"name\": "), 400, "MALFORMED_REQUEST");
    }

    @Test
    void answersImpossibleTermsWith400() {
        assertProblem(Http.post(stack.command().resolve("/api/coupons"), Map.of(
                "name", "x", "discountType", "PERCENT", "discountValue", 150, "totalQuantity", 5)),
                      400, "VALIDATION_FAILED");
        assertProblem(Http.post(stack.command().resolve("/api/coupons"), Map.of(
                "name", "x", "discountType", "FIXED", "discountValue", 100, "totalQuantity", 0)),
                      400, "VALIDATION_FAILED");
        assertProblem(Http.post(stack.command().resolve("/api/coupons"), Map.of(
                "name", "x", "discountType", "FIXED", "totalQuantity", 5)), 400, "VALIDATION_FAILED");
    }

    @Test
    void answersAWrongTypeWith400() {
        assertProblem(Http.post(stack.command().resolve("/api/coupons"),
                                "{\"name\":\"x\",\"discountType\":\"FIXED\",\"discountValue\":\"lots\","
                                        + "\"totalQuantity\":5}"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void answersAClaimForABlankOrAnotherUserWith403AndTakesOneNamingNobodyAsTheTokensUser() {
        String couponId = CouponRace.define(stack.command(), 5);
        URI claims = stack.command().resolve("/api/coupons/" + couponId + "/issues");
        assertProblem(Http.post(claims, Map.of("userId", ""), Tokens.client("hana")), 403, "FORBIDDEN");
        assertProblem(Http.post(claims, Map.of("userId", "gil"), Tokens.client("hana")), 403, "FORBIDDEN");

        assertThat(Http.post(claims, "{}", Tokens.client("hana")).status()).isEqualTo(201);
    }

    @Test
    void answersAnUnknownCouponWith404() {
        assertProblem(Http.post(stack.command().resolve("/api/coupons/no-such-coupon/issues"),
                                Map.of("userId", "someone")), 404, "COUPON_NOT_FOUND");
        assertProblem(Http.get(stack.query().resolve("/api/coupons/no-such-coupon")), 404, "COUPON_NOT_FOUND");
    }

    @Test
    void answersAnExistingCouponIdWith409() {
        Map<String, Object> terms = Map.of("couponId", "fixed-id", "name", "x", "discountType", "FIXED",
                                           "discountValue", 100, "totalQuantity", 5);
        assertThat(Http.post(stack.command().resolve("/api/coupons"), terms).status()).isEqualTo(201);
        assertProblem(Http.post(stack.command().resolve("/api/coupons"), terms), 409, "COUPON_ALREADY_EXISTS");
    }

    /** A path no rule lists is denied before anything looks for it: 401 without a token, 403 with one. */
    @Test
    void deniesAnUnknownPath() {
        for (URI app : new URI[]{stack.command(), stack.query()}) {
            assertProblem(Http.get(app.resolve("/api/nothing-here"), null), 401, "UNAUTHENTICATED");
            assertProblem(Http.get(app.resolve("/api/nothing-here"), Tokens.admin()), 403, "FORBIDDEN");
        }
    }
}
