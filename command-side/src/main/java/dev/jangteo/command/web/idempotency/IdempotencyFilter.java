package dev.jangteo.command.web.idempotency;

import dev.jangteo.command.web.CommandSender;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.BufferedBodyRequest;
import dev.jangteo.platform.web.ErrorCodes;
import dev.jangteo.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on the command API's creating requests (every POST): the first request under a key runs
 * and its answer is kept; a retry with the same key and the same request (method, path, query and body, compared by
 * SHA-256) gets that answer again, marked {@code Idempotency-Replayed: true}, and changes nothing. The same key with
 * another request is 422 {@code IDEMPOTENCY_KEY_REUSED}; while the first is still running, 409
 * {@code IDEMPOTENCY_KEY_IN_FLIGHT}. Answers a retry should not repeat (5xx, 429, 401) are not kept: the key is free
 * again. Keys belong to the authenticated user (the servlet principal; "anonymous" without one), so two users' keys
 * never meet. The row in PostgreSQL is the lock, which holds across command-side instances.
 * <p>
 * A crash between the command and the answer leaves the key in flight; the next retry takes it over as soon as the
 * instance's heartbeat stops ({@link CommandInstance}). Whether the command committed is in the row itself, written
 * in the command's transaction ({@link IdempotentEffects}): if it did, the retry answers from that effect without
 * running the command again; if not, the retry runs it. Each run is fenced by its attempt id, so an instance that was
 * only slow cannot commit the command after a retry took the key over.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String KEY_IN_FLIGHT = "IDEMPOTENCY_KEY_IN_FLIGHT";
    public static final String KEY_INVALID = "IDEMPOTENCY_KEY_INVALID";
    private static final int MAX_KEY_LENGTH = 255;
    private static final String ANONYMOUS = "anonymous";
    private static final String IN_FLIGHT_DETAIL =
            "A request with this " + KEY_HEADER + " is still being processed; retry later";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;

    IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (!isValid(key)) {
            ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, KEY_INVALID,
                                KEY_HEADER + " must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
            return;
        }
        String owner = ownerOf(request);
        String fingerprint = fingerprint(request);
        Optional<IdempotentAttempt> attempt;
        Optional<IdempotencyRecord> existing = Optional.empty();
        try {
            attempt = store.claim(owner, key, fingerprint);
            if (attempt.isEmpty()) {
                existing = store.find(owner, key);
                if (existing.isEmpty()) {
                    // Released or expired between the claim and the look: claim it afresh.
                    attempt = store.claim(owner, key, fingerprint);
                }
            }
        } catch (DataAccessException failure) {
            log.warn("Idempotency keys unavailable: {}", failure.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemWriter.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                                "A store is unavailable; nothing was changed. Retry later.");
            return;
        }
        if (attempt.isPresent()) {
            run(request, response, chain, attempt.get());
            return;
        }
        if (existing.isEmpty()) {
            // Claimed again by another retry in the meantime.
            inFlight(request, response);
            return;
        }
        IdempotencyRecord record = existing.get();
        if (!record.fingerprint().equals(fingerprint)) {
            ProblemWriter.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, KEY_REUSED,
                                KEY_HEADER + " " + key + " was used for another request");
        } else if (record.inFlight()) {
            inFlight(request, response);
        } else {
            replay(record.response(), response);
        }
    }

    /**
     * Runs the request under its attempt: the command it sends records its effect with the attempt (or, when an
     * earlier attempt's command committed, is answered from that effect without running again), and a final answer is
     * kept for retries.
     */
    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                     IdempotentAttempt attempt) throws ServletException, IOException {
        attempt.bindTo(request);
        if (attempt.effect() != null) {
            response.setHeader(REPLAYED_HEADER, "true");  // answered from the earlier attempt's effect
        }
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, caching);
            int status = caching.getStatus();
            if (isKept(status)) {
                complete(attempt, new StoredResponse(status, caching.getContentType(),
                                                     caching.getHeader(HttpHeaders.LOCATION),
                                                     caching.getHeader(CommandSender.CONSISTENCY_HEADER),
                                                     caching.getContentAsByteArray()));
                kept = true;
            }
        } finally {
            if (!kept) {
                release(attempt);
            }
            store.ended(attempt);
            caching.copyBodyToResponse();
        }
    }

    /**
     * Keeps the answer for retries. When the store fails here the caller still gets its answer; the key stays in
     * flight, and a retry answers from the recorded effect (or, for a refusal, runs again once the key is free).
     */
    private void complete(IdempotentAttempt attempt, StoredResponse answer) {
        try {
            store.complete(attempt, answer);
        } catch (DataAccessException failure) {
            log.warn("Cannot keep the answer under idempotency key {}: {}", attempt.key(), failure.toString());
        }
    }

    private void release(IdempotentAttempt attempt) {
        try {
            store.release(attempt);
        } catch (DataAccessException failure) {
            // The key stays in flight until the in-flight timeout lets a retry take it over.
            log.warn("Cannot release idempotency key: {}", failure.toString());
        }
    }

    /** Only final answers are kept: a retry after a 5xx, a 429 or a 401 may well succeed. */
    private static boolean isKept(int status) {
        return status < 500 && status != 429 && status != 401;
    }

    private static void inFlight(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        ProblemWriter.write(request, response, HttpStatus.CONFLICT, KEY_IN_FLIGHT, IN_FLIGHT_DETAIL);
    }

    /** The refusal of a command whose request lost its key to a retry that took it over: the retry answers. */
    static ApiException inFlightRefusal() {
        return new ApiException(HttpStatus.CONFLICT, KEY_IN_FLIGHT, IN_FLIGHT_DETAIL);
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.consistencyToken() != null) {
            response.setHeader(CommandSender.CONSISTENCY_HEADER, stored.consistencyToken());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.isBlank()) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    private static String ownerOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null || principal.getName() == null ? ANONYMOUS : "user:" + principal.getName();
    }

    /** Method, path, query and body: a retry must be the same request, not merely to the same endpoint. */
    private static String fingerprint(HttpServletRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                                  .getBytes(StandardCharsets.UTF_8));
            byte[] body = BufferedBodyRequest.bodyOf(request);
            if (body == null) {
                body = request.getInputStream().readAllBytes();
            }
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
