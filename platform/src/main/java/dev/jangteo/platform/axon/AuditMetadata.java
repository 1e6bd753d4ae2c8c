package dev.jangteo.platform.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries who and why from each handled message to every message it causes: the correlation id of the whole
 * conversation (set once at the edge, the first message's own id otherwise), the causation id (the id of the
 * message being handled) and the acting user. Replaces Axon's MessageOriginProvider, whose "correlationId" is
 * really the causing message.
 */
public class AuditMetadata implements CorrelationDataProvider {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String ACTING_USER = "actingUser";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        data.put(CORRELATION_ID, metaData.getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        Object actingUser = metaData.get(ACTING_USER);
        if (actingUser != null) {
            data.put(ACTING_USER, actingUser);
        }
        return data;
    }

    /** Metadata for a message that starts a conversation at the API edge. */
    public static MetaData origin(String correlationId, String actingUser) {
        return MetaData.with(CORRELATION_ID, correlationId).and(ACTING_USER, actingUser);
    }
}
