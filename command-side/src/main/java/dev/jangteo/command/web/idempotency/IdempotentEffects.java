package dev.jangteo.command.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jangteo.command.web.idempotency.IdempotentAttempt.RecordedEffect;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records, in the command's own transaction, that a command sent under an {@code Idempotency-Key} took effect and
 * what it answered. Registered inside the transaction-managing interceptor: the row update commits with the events or
 * not at all. The update is fenced by the attempt: when a retry has taken the key over (this instance was thought
 * dead), it matches nothing and the command rolls back, so a request's command commits at most once.
 */
@Component
public class IdempotentEffects implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IdempotentEffects(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object attempt = metaData.get(IdempotentAttempt.ATTEMPT_METADATA);
        Object result = chain.proceed();
        if (attempt != null) {
            record(metaData, attempt.toString(), result);
        }
        return result;
    }

    private void record(MetaData metaData, String attempt, Object result) throws JsonProcessingException {
        int recorded = jdbc.update(
                "UPDATE command_side.idempotency_key SET effect_recorded = true, effect_type = ?, effect_body = ?"
                        + " WHERE owner = ? AND idempotency_key = ? AND attempt = ?::uuid"
                        + " AND response_status IS NULL",
                result == null ? null : result.getClass().getName(),
                result == null ? null : json.writeValueAsString(result),
                metaData.get(IdempotentAttempt.OWNER_METADATA), metaData.get(IdempotentAttempt.KEY_METADATA),
                attempt);
        if (recorded != 1) {
            throw IdempotencyFilter.inFlightRefusal();
        }
    }

    /** What the earlier attempt's command answered, as the command gateway would have returned it. */
    public Object replay(RecordedEffect effect) {
        if (effect.type() == null) {
            return null;
        }
        try {
            return json.readValue(effect.body(), Class.forName(effect.type()));
        } catch (ClassNotFoundException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the recorded effect " + effect.type(), e);
        }
    }
}
