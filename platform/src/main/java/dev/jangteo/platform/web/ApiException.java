package dev.jangteo.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller must see, with the HTTP status and the stable upper-case code of DESIGN.md's API
 * conventions. Rendered as problem+json by {@link ProblemResponses}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        // No stack trace: a refusal is an answer, not a fault, and a burst of 409s on a sold-out coupon
        // would otherwise spend its time walking deep virtual-thread stacks.
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    /** A store this answer needs is down; answered with Retry-After like any unavailable store. */
    public static ApiException unavailable(String code, String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
    }

    public static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
