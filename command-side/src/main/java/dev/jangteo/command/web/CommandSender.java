package dev.jangteo.command.web;

import dev.jangteo.command.refusal.Refusal;
import dev.jangteo.command.web.idempotency.IdempotentAttempt;
import dev.jangteo.command.web.idempotency.IdempotentEffects;
import dev.jangteo.platform.logging.RequestLogging;
import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ErrorCodes;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a command from a REST controller and waits for it, bounded: the caller's correlation id (header) and the
 * acting user (the bearer token's subject) go into the metadata; the usual refusals become problem answers with codes
 * named after the aggregate ({@code ACCOUNT_NOT_FOUND}, {@code PRODUCT_ALREADY_EXISTS}...). The reply carries the
 * consistency token of what the command wrote, for read-your-writes on the query side.
 */
@Component
public class CommandSender {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commandGateway;
    private final ConsistencyTokens consistencyTokens;
    private final IdempotentEffects idempotentEffects;

    CommandSender(CommandGateway commandGateway, ConsistencyTokens consistencyTokens,
                  IdempotentEffects idempotentEffects) {
        this.commandGateway = commandGateway;
        this.consistencyTokens = consistencyTokens;
        this.idempotentEffects = idempotentEffects;
    }

    /** The header that carries the consistency token, on replies here and on requests to the query side. */
    public static final String CONSISTENCY_HEADER = "X-Consistency-Token";

    /** What the handler answered, and the token of the aggregate's last event after the command. */
    public record Sent<R>(R result, String consistencyToken) {

        /** A reply with {@code body} and the token in {@value #CONSISTENCY_HEADER} (when there is one). */
        public <B> ResponseEntity<B> reply(HttpStatus status, B body) {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
            if (consistencyToken != null) {
                builder.header(CONSISTENCY_HEADER, consistencyToken);
            }
            return builder.body(body);
        }
    }

    /**
     * @param aggregate the aggregate's name in error codes, upper case: {@code ACCOUNT}, {@code PRODUCT}...
     */
    public <R> Sent<R> send(Object command, String aggregate, String aggregateId) {
        R result = await(command, aggregate, aggregateId);
        return new Sent<>(result, consistencyTokens.afterCommit());
    }

    /**
     * What the handler answered, without a consistency token (one query fewer, for replies that carry none). Under an
     * {@code Idempotency-Key} whose earlier attempt's command committed, what that command answered, without sending
     * it again.
     */
    @SuppressWarnings("unchecked")
    public <R> R await(Object command, String aggregate, String aggregateId) {
        Optional<IdempotentAttempt> attempt = IdempotentAttempt.current();
        if (attempt.isPresent() && attempt.get().effect() != null) {
            return (R) idempotentEffects.replay(attempt.get().effect());
        }
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
        String correlationId = request == null ? null
                : RequestLogging.correlationId(request.getRequest());
        MetaData metaData = CommandMetadata.of(correlationId, ActingUser.subject());
        if (attempt.isPresent()) {
            metaData = metaData.mergedWith(attempt.get().metaData());
        }
        try {
            return commandGateway.<R>send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData))
                                 .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (createdByAnEarlierAttempt(e.getCause(), attempt, aggregateId)) {
                return (R) aggregateId;  // what a creating handler answers: the new aggregate's id
            }
            throw answerTo(e.getCause(), aggregate, aggregateId);
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "COMMAND_TIMEOUT",
                                   "The command was not decided in time; it may still take effect.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a creation refused as {@link Refusal#ALREADY_EXISTS} found what an earlier attempt of this very request
     * created: its id is the one {@link IdempotentAttempt#newId()} derives from the caller, the key and the request,
     * which no other request yields. Through Axon Server this happens: Axon commits a unit of work's resources in
     * reverse order, the events in Axon Server before the PostgreSQL transaction that records the effect under the
     * key, so PostgreSQL failing between the two leaves the aggregate created and the key without an effect. The retry
     * then answers as the creation did, instead of calling the request's own effect a conflict. (With the JDBC store
     * both commit in one transaction, and a recorded effect answers the retry before anything is sent.)
     */
    static boolean createdByAnEarlierAttempt(Throwable failure, Optional<IdempotentAttempt> attempt,
                                             String aggregateId) {
        return attempt.isPresent() && Refusal.is(failure, Refusal.ALREADY_EXISTS)
                && aggregateId.equals(IdempotentAttempt.newId());
    }

    /**
     * The answer to a failed command, decided on its {@link Refusal} alone (the same on the local bus and through
     * Axon Server), for every sender of commands on behalf of a request; a failure that is no refusal as it is. An aggregate that is missing, or that exists when it should not, is named as the caller asked
     * for it: ids are unique per aggregate type only by convention, and an id whose events belong to another type (a
     * room called "kimchi" when a product is asked for) is no aggregate of this type.
     */
    public static RuntimeException answerTo(Throwable failure, String aggregate, String aggregateId) {
        Optional<Refusal> refusal = Refusal.of(failure);
        if (refusal.isEmpty()) {
            return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        String name = aggregate.charAt(0) + aggregate.substring(1).toLowerCase();
        HttpStatus status = HttpStatus.valueOf(refusal.get().status());
        return switch (refusal.get().code()) {
            case Refusal.NOT_FOUND ->
                    ApiException.notFound(aggregate + "_NOT_FOUND", "No " + name.toLowerCase() + " " + aggregateId);
            case Refusal.ALREADY_EXISTS ->
                    ApiException.conflict(aggregate + "_ALREADY_EXISTS", name + " " + aggregateId + " exists");
            case Refusal.LOST_RACE -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                                                       "Too many writers on " + name.toLowerCase() + " " + aggregateId
                                                               + "; nothing was changed. Retry later.");
            default -> new ApiException(status, refusal.get().code(), refusal.get().detail());
        };
    }
}
