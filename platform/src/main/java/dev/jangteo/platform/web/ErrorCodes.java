package dev.jangteo.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * Codes shared by every endpoint; each context adds its own (COUPON_SOLD_OUT...) where it throws them, and describes
 * them in its app's {@link ProblemTypes}.
 */
public final class ErrorCodes {

    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** A JSON body named a field the endpoint does not know: refused rather than ignored, on both apps. */
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** What {@link #forStatus} makes up for a status without a code of its own. */
    static final String BARE_STATUS_PREFIX = "HTTP_";

    static final List<ProblemType> TYPES = List.of(
            new ProblemType(VALIDATION_FAILED, HttpStatus.BAD_REQUEST, "A value can never be valid",
                            "A value in the path, the query or the body can never be valid: a blank name, a quantity "
                                    + "of 0, a limit out of range, a date that is no date, a control character. The "
                                    + "detail names the value. Sending the same request again gives the same answer."),
            new ProblemType(MALFORMED_REQUEST, HttpStatus.BAD_REQUEST, "The body is not JSON of the expected shape",
                            "The body is not JSON, or not of the expected shape: a syntax error, a wrong type (no "
                                    + "coercion: \"5\" is not a number), a duplicate key, a number out of range, JSON "
                                    + "nested too deep; or the URL holds sequences that are refused."),
            new ProblemType(UNKNOWN_FIELD, HttpStatus.BAD_REQUEST, "The body names an unknown field",
                            "The body names a field the endpoint does not know; the detail names it. Unknown fields "
                                    + "are refused rather than ignored, so a misspelt optional field is never dropped."),
            new ProblemType(UNAUTHENTICATED, HttpStatus.UNAUTHORIZED, "A valid bearer token is required",
                            "No bearer token, or one that is malformed, expired or not signed by a trusted key. The "
                                    + "answer carries WWW-Authenticate: Bearer."),
            new ProblemType(FORBIDDEN, HttpStatus.FORBIDDEN, "The token does not allow this request",
                            "The token's roles do not allow the endpoint, or the request acts for or reads another "
                                    + "user than the token's subject. Paths that no rule lists are refused so too."),
            new ProblemType(NOT_FOUND, HttpStatus.NOT_FOUND, "Nothing at this path",
                            "No endpoint or resource answers to this path."),
            new ProblemType(METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED, "Wrong method for this path",
                            "The path exists, but not with this HTTP method."),
            new ProblemType(NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE, "The answer cannot be given in that type",
                            "The Accept header allows no type the endpoint answers with (JSON, or problem+json for "
                                    + "errors). A command is refused before it runs."),
            new ProblemType(PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, "The body is too large",
                            "The body is larger than the app accepts (jangteo.http.max-body-size, 64 KB by default), "
                                    + "whether it announced its length or came chunked."),
            new ProblemType(UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not JSON",
                            "The body's Content-Type is not application/json."),
            new ProblemType(RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                            "Over the rate limit of the user or of the client address. Retry-After says in how many "
                                    + "seconds a request is accepted again; nothing was changed."),
            new ProblemType(SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, "A store is unavailable",
                            "A store the request needs cannot be reached; nothing was changed. Retry after the "
                                    + "seconds of Retry-After."),
            new ProblemType(INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected server error",
                            "Something failed that should not have; it has been logged with the request's "
                                    + "correlation id (X-Correlation-Id). Bad input never gets this answer."));

    /** The code of an error known only by its status (Spring MVC's own refusals, the servlet container's). */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BARE_STATUS_PREFIX + status;
        };
    }

    private ErrorCodes() {
    }
}
