package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

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
    void answersAClaimWithoutUserWith400() {
        String couponId = CouponRace.define(stack.command(), 5);
        assertProblem(CouponRace.claim(stack.command(), couponId, ""), 400, "VALIDATION_FAILED");
        assertProblem(Http.post(stack.command().resolve("/api/coupons/" + couponId + "/issues"), "{}"),
                      400, "VALIDATION_FAILED");
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

    @Test
    void answersAnUnknownPathWith404() {
        assertProblem(Http.get(stack.command().resolve("/api/nothing-here")), 404, "NOT_FOUND");
        assertProblem(Http.get(stack.query().resolve("/api/nothing-here")), 404, "NOT_FOUND");
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
