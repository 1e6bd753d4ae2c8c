package dev.jangteo.command.refusal;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.DependencyFailures;
import dev.jangteo.platform.web.ErrorCodes;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.event.util.GrpcExceptionParser;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The command bus that handles this instance's commands (Axon's local segment under Axon Server), answering every
 * refusal as a {@link Refusal}, whichever bus carried the command here and carries the answer back.
 * <p>
 * The translation is made on the result of the whole unit of work, not in a handler interceptor: a command that
 * creates an aggregate that exists, or that lost a race with another instance, fails only when its events are
 * appended at commit, after every interceptor has returned. The failures it knows, wherever in a cause chain:
 * <ul>
 *   <li>a rule of an aggregate ({@link RefusedException}) or an API refusal thrown by an interceptor
 *       ({@link ApiException}): their own code and status;</li>
 *   <li>no such aggregate (or the id names an aggregate of another type): {@link Refusal#NOT_FOUND}, 404;</li>
 *   <li>a conflict on the aggregate's stream: {@link Refusal#ALREADY_EXISTS} for a creating command, 409, else
 *       {@link Refusal#LOST_RACE}. The JDBC store reports a creation conflict as
 *       {@link AggregateStreamCreationException}; Axon Server refuses the append with a gRPC status carrying
 *       AXONIQ-2000 ("invalid sequence number 0"), exactly as it refuses any other conflict, which the connector's
 *       {@link GrpcExceptionParser} reads as a {@link ConcurrencyException}: hence the question to
 *       {@link CreatingCommands};</li>
 *   <li>a value the command refused ({@link IllegalArgumentException} thrown by the handler itself): 400;</li>
 *   <li>a store that cannot be reached (the idempotency record's database): 503, nothing changed.</li>
 * </ul>
 * Anything else is a fault and travels as it is (a 500 for the API, a warning and the deadline for a saga).
 */
public class RefusingCommandBus extends AsynchronousCommandBus {

    private final CreatingCommands creatingCommands;
    private final UnaryOperator<Throwable> onTheWire;

    /**
     * @param onTheWire what becomes of a failure on its way back to the sender: nothing on a local bus; the
     *                  {@code remote-like} profile makes it what Axon Server hands over
     */
    public RefusingCommandBus(Builder builder, Supplier<Configuration> axonConfiguration,
                              UnaryOperator<Throwable> onTheWire) {
        super(builder);
        this.creatingCommands = new CreatingCommands(axonConfiguration);
        this.onTheWire = onTheWire;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) -> {
            if (!result.isExceptional()) {
                callback.onResult(message, result);
                return;
            }
            Throwable answered = onTheWire.apply(translate(command, result.exceptionResult()));
            CommandResultMessage translated = GenericCommandResultMessage.asCommandResultMessage(answered)
                                                                          .andMetaData(result.getMetaData());
            callback.onResult(message, translated);
        });
    }

    /** The failure as the sender gets it: a {@link Refusal} when it is one, else as it is. */
    Throwable translate(CommandMessage<?> command, Throwable failure) {
        Refusal refusal = refusalFor(command, failure);
        return refusal == null ? failure : refusal.asException();
    }

    private Refusal refusalFor(CommandMessage<?> command, Throwable failure) {
        if (failure instanceof IllegalArgumentException invalid) {
            return new Refusal(ErrorCodes.VALIDATION_FAILED, HttpStatus.BAD_REQUEST.value(), invalid.getMessage());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Refusal refusal = refusalOf(command, cause);
            if (refusal != null) {
                return refusal;
            }
        }
        if (DependencyFailures.isUnavailable(failure)) {
            return new Refusal(ErrorCodes.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE.value(),
                               "A store is unavailable; nothing was changed. Retry later.");
        }
        return null;
    }

    private Refusal refusalOf(CommandMessage<?> command, Throwable cause) {
        return switch (cause) {
            case RefusedException refused -> refused.refusal();
            case ApiException api -> new Refusal(api.code(), api.status().value(), api.getMessage());
            case AggregateNotFoundException missing -> notFound(missing);
            case IncompatibleAggregateException otherType -> notFound(otherType);
            case AggregateStreamCreationException exists -> alreadyExists(exists);
            // Axon Server refuses an append as a gRPC status, code in its trailers: its own parser names the failure.
            case StatusRuntimeException appendRefused -> refusalOf(command, GrpcExceptionParser.parse(appendRefused));
            case ConcurrencyException conflict -> creatingCommands.creates(command.getPayloadType())
                    ? alreadyExists(conflict)
                    : new Refusal(Refusal.LOST_RACE, HttpStatus.CONFLICT.value(), conflict.getMessage());
            // Already answered (a handler or interceptor threw one, or a nested command's refusal passed through).
            case HandlerExecutionException answered
                    when answered.getDetails().orElse(null) instanceof Refusal refusal -> refusal;
            default -> null;
        };
    }

    private static Refusal notFound(Throwable cause) {
        return new Refusal(Refusal.NOT_FOUND, HttpStatus.NOT_FOUND.value(), cause.getMessage());
    }

    private static Refusal alreadyExists(Throwable cause) {
        return new Refusal(Refusal.ALREADY_EXISTS, HttpStatus.CONFLICT.value(), cause.getMessage());
    }
}
