package dev.jangteo.command.coupon;

import dev.jangteo.api.Require;
import dev.jangteo.api.coupon.CouponTerms;
import dev.jangteo.api.coupon.DefineCouponCommand;
import dev.jangteo.api.coupon.DiscountType;
import dev.jangteo.api.coupon.IssueOutcome;
import dev.jangteo.api.coupon.IssueRequest;
import dev.jangteo.command.web.CommandSender;
import dev.jangteo.command.web.idempotency.IdempotentAttempt;
import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.platform.web.Validated;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

@RestController
@ProblemCodes("COMMAND_TIMEOUT")
@RequestMapping("/api/coupons")
class CouponController {

    static final String NOT_FOUND = "COUPON_NOT_FOUND";
    private static final long ISSUE_TIMEOUT_SECONDS = 10;

    private final CommandSender commands;
    private final CouponIssueDesk issueDesk;
    private final Clock clock;

    CouponController(CommandSender commands, CouponIssueDesk issueDesk) {
        this.commands = commands;
        this.issueDesk = issueDesk;
        this.clock = Clock.systemUTC();
    }

    record DefineCouponRequest(String couponId, String name, DiscountType discountType, Long discountValue,
                               Integer totalQuantity, Instant validFrom, Instant validUntil) {

        DefineCouponCommand toCommand() {
            String id = couponId == null ? IdempotentAttempt.newId() : couponId;
            return new DefineCouponCommand(id, new CouponTerms(
                    name, discountType, required(discountValue, "discountValue"),
                    required(totalQuantity, "totalQuantity"), validFrom, validUntil));
        }

        private static <T> T required(T value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
            return value;
        }
    }

    record CouponCreated(String couponId) {
    }

    record IssueCouponRequest(String userId) {
    }

    record CouponIssued(String couponId, String userId, long sequence) {
    }

    @ProblemCodes("COUPON_ALREADY_EXISTS")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CouponCreated define(@RequestBody DefineCouponRequest request) {
        DefineCouponCommand command = Validated.of(request::toCommand);
        commands.await(command, "COUPON", command.couponId());
        return new CouponCreated(command.couponId());
    }

    @ProblemCodes({"COUPON_NOT_FOUND", "COUPON_SOLD_OUT", "COUPON_ALREADY_ISSUED", "COUPON_NOT_ACTIVE"})
    @PostMapping("/{couponId}/issues")
    @ResponseStatus(HttpStatus.CREATED)
    CouponIssued issue(@PathVariable String couponId, @RequestBody IssueCouponRequest body) {
        String userId = ActingUser.self(body.userId());
        IssueRequest request = Validated.of(() -> new IssueRequest(userId, clock.instant()));
        IssueOutcome outcome = await(couponId, request);
        if (outcome.wasIssued()) {
            return new CouponIssued(couponId, outcome.userId(), outcome.sequence());
        }
        throw switch (outcome.refusal()) {
            case SOLD_OUT -> ApiException.conflict("COUPON_SOLD_OUT", "Every copy of this coupon has been issued");
            case ALREADY_ISSUED -> ApiException.conflict("COUPON_ALREADY_ISSUED",
                                                         "User " + outcome.userId() + " already holds this coupon");
            case NOT_ACTIVE -> ApiException.conflict("COUPON_NOT_ACTIVE", "The coupon is not valid at this time");
        };
    }

    /** An id no coupon can have (too long, control characters...) is answered before it reaches the issue desk. */
    private static boolean isPossibleId(String couponId) {
        try {
            Require.id(couponId, "couponId");
            return true;
        } catch (IllegalArgumentException impossible) {
            return false;
        }
    }

    private IssueOutcome await(String couponId, IssueRequest request) {
        if (!isPossibleId(couponId)) {
            throw ApiException.notFound(NOT_FOUND, "No coupon " + couponId);
        }
        try {
            return issueDesk.issue(couponId, request).get(ISSUE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            // COUPON_NOT_FOUND, or a store out of reach (503), as for any command.
            throw CommandSender.answerTo(e.getCause(), "COUPON", couponId);
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "COMMAND_TIMEOUT",
                                   "The claim was not decided in time; it may still be decided. Check your coupons.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
