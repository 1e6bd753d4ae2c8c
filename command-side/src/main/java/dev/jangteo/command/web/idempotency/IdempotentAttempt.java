package dev.jangteo.command.web.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a request under an {@code Idempotency-Key}, as the filter claimed it: who owns the key, the key, the
 * request's fingerprint, this run's attempt id (the fence: a retry that takes the key over gets another) and, when an
 * earlier run's command committed before its instance died, what that command answered.
 *
 * @param effect the recorded effect of an earlier attempt, or null when the command is still to run
 */
public record IdempotentAttempt(String owner, String key, String fingerprint, UUID attempt, RecordedEffect effect) {

    static final String ATTRIBUTE = IdempotentAttempt.class.getName();
    static final String OWNER_METADATA = "idempotencyOwner";
    static final String KEY_METADATA = "idempotencyKey";
    static final String ATTEMPT_METADATA = "idempotencyAttempt";

    /** The attempt of the request this thread serves, if it came with an {@code Idempotency-Key}. */
    public static Optional<IdempotentAttempt> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((IdempotentAttempt) request.getAttribute(ATTRIBUTE,
                                                                              RequestAttributes.SCOPE_REQUEST));
    }

    /**
     * The id of what a creating request creates when the caller names none: derived from the key and the request, so
     * that every attempt of one request creates (or finds) the same aggregate and the replayed answer names it; a
     * random one without a key.
     */
    public static String newId() {
        return current().map(attempt -> UUID.nameUUIDFromBytes(
                                    (attempt.owner + "\n" + attempt.key + "\n" + attempt.fingerprint)
                                            .getBytes(StandardCharsets.UTF_8)))
                        .orElseGet(UUID::randomUUID)
                        .toString();
    }

    /** What the command's unit of work needs to record its effect under this attempt, and nothing else. */
    public MetaData metaData() {
        return MetaData.with(OWNER_METADATA, owner).and(KEY_METADATA, key).and(ATTEMPT_METADATA, attempt.toString());
    }

    void bindTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** A command's answer as recorded in its transaction: the class of the result and its JSON (both null for none). */
    public record RecordedEffect(String type, String body) {
    }
}
