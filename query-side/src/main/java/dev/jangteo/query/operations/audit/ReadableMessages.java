package dev.jangteo.query.operations.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;

/**
 * An event as Axon's {@code EventStore} hands it over (upcast and deserialized, personal fields decrypted or erased by
 * the event serializer) in the shape auditors read, the same JSON that {@link CurrentShape} makes from a stored row.
 * An event that no aggregate applied shows as the JDBC store keeps it: its own id as aggregate id, sequence 0, no
 * aggregate type.
 */
@Component
class ReadableMessages {

    private final Serializer serializer;
    private final ObjectMapper json;

    ReadableMessages(@Qualifier("eventSerializer") Serializer serializer,
                     @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.serializer = serializer;
        this.json = json;
    }

    /** @param position the global position, null where the store did not tell it */
    AuditEvent of(EventMessage<?> event, Long position) {
        SerializedType type = serializer.typeForClass(event.getPayloadType());
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        return new AuditEvent(position, event.getIdentifier(), domain == null ? null : domain.getType(),
                              domain == null ? event.getIdentifier() : domain.getAggregateIdentifier(),
                              domain == null ? 0 : domain.getSequenceNumber(), event.getTimestamp(), type.getName(),
                              type.getRevision(), json.convertValue(event.getPayload(), Object.class),
                              new LinkedHashMap<>(event.getMetaData()));
    }
}
