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

/**
 * Every error leaves as RFC 9457 problem+json with a stable {@code code}: our own refusals, Spring MVC's own
 * (malformed JSON, unknown path, wrong method...), an unavailable store (503 with Retry-After), and, last, anything
 * unexpected (500 without internals; the stack trace goes to the log only).
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

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("code", codeFor(ex, statusCode));
        }
        return response;
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException) {
            return ErrorCodes.MALFORMED_REQUEST;
        }
        return switch (status.value()) {
            case 400 -> ErrorCodes.VALIDATION_FAILED;
            case 401 -> ErrorCodes.UNAUTHENTICATED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCodes.NOT_ACCEPTABLE;
            case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCodes.SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? ErrorCodes.INTERNAL_ERROR : "HTTP_" + status.value();
        };
    }

    private static ResponseEntity<ProblemDetail> retryLater(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode())
                             .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                             .body(response.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
