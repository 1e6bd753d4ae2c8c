package dev.jangteo.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.sql.SQLException;

/**
 * Every error leaves as RFC 9457 problem+json with a stable {@code code} and, as {@code type}, the page that describes
 * the code ({@link ProblemType#uriOf}): our own refusals, Spring MVC's own (malformed JSON, unknown path, wrong
 * method...), an unavailable store (503 with Retry-After), and, last, anything unexpected (500 without internals; the
 * stack trace goes to the log only).
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> refusal(ApiException refusal) {
        ResponseEntity<ProblemDetail> response = problem(refusal.status(), refusal.code(), refusal.getMessage());
        return refusal.status() == HttpStatus.SERVICE_UNAVAILABLE ? retryLater(response) : response;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (isBadData(failure)) {
            log.warn("Input the database refused: {}", failure.toString());
            return problem(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED,
                           "A value cannot be stored or compared as given");
        }
        if (DependencyFailures.isUnavailable(failure)) {
            log.warn("A store is unavailable: {}", failure.toString());
            ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE,
                                                             ErrorCodes.SERVICE_UNAVAILABLE,
                                                             "A store is unavailable; nothing was changed. Retry later.");
            return retryLater(response);
        }
        log.error("Unexpected failure", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR,
                       "Unexpected server error; it has been logged.");
    }

    /**
     * Unreadable JSON: an unknown field is named (400 {@code UNKNOWN_FIELD}), anything else, syntax, a wrong type, a
     * number out of range or a body past the JSON limits of {@link HttpLimits}, is 400 {@code MALFORMED_REQUEST}.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return ResponseEntity.badRequest().body(
                        problem(HttpStatus.BAD_REQUEST, ErrorCodes.UNKNOWN_FIELD,
                                "Unknown field '" + unknown.getPropertyName() + "'").getBody());
            }
            if (cause instanceof StreamConstraintsException limit) {
                return ResponseEntity.badRequest().body(
                        problem(HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST,
                                "The JSON body is past a limit: " + limit.getOriginalMessage()).getBody());
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            coded(problem, codeFor(ex, statusCode));
        }
        return response;
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException) {
            return ErrorCodes.MALFORMED_REQUEST;
        }
        return ErrorCodes.forStatus(status.value());
    }

    /**
     * A safety net for input no check caught: PostgreSQL's data exceptions (SQLState class 22: a NUL byte, a value
     * out of range, an unparsable literal) come from what a caller sent, so they are a 400, never a 500.
     */
    private static boolean isBadData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> retryLater(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode())
                             .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                             .body(response.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(coded(ProblemDetail.forStatusAndDetail(status, detail), code));
    }

    /** The stable code, and as type the page that describes it. */
    static ProblemDetail coded(ProblemDetail problem, String code) {
        problem.setType(ProblemType.uriOf(code));
        problem.setProperty("code", code);
        return problem;
    }
}
