package dev.jangteo.command.refusal;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Optional;

/**
 * Why a command was not carried out, as its sender sees it on any command bus: a stable code, the HTTP status the
 * API answers it with, and a sentence for people.
 * <p>
 * Through Axon Server only a {@link CommandExecutionException} and its details cross the wire: the handler's
 * exception, its type and its causes stay behind. So the handling side turns every refusal into that exception with
 * a {@code Refusal} as its details ({@link RefusingCommandBus}), under the local bus as well, and senders (the HTTP
 * layer, the sagas, the retries) decide on {@link #code()} alone, never on an exception's Java type or message.
 *
 * @param code   upper-case and stable; {@link #NOT_FOUND} and {@link #ALREADY_EXISTS} are named after the aggregate
 *               by the caller, which knows what it asked for ({@code PRODUCT_NOT_FOUND})
 * @param status the HTTP status of the answer
 */
public record Refusal(String code, int status, String detail) {

    /** The aggregate the command names does not exist, or the id belongs to an aggregate of another type. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** A command that creates an aggregate named one that exists. */
    public static final String ALREADY_EXISTS = "ALREADY_EXISTS";
    /** Another writer appended to the aggregate first; sending the command again decides on fresh state. */
    public static final String LOST_RACE = "LOST_RACE";

    /** The refusal a failure carries, wherever in its causes, on whichever bus it travelled. */
    public static Optional<Refusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HandlerExecutionException handlerFailure
                    && handlerFailure.getDetails().orElse(null) instanceof Refusal refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} is a refusal with {@code code}. */
    public static boolean is(Throwable failure, String code) {
        return of(failure).map(refusal -> refusal.code().equals(code)).orElse(false);
    }

    /** This refusal as it leaves a command handler: no cause, no stack trace (it is an answer, not a fault). */
    CommandExecutionException asException() {
        return new CommandExecutionException(detail, null, this, false);
    }
}
