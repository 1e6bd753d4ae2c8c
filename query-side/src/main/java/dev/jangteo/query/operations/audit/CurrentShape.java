package dev.jangteo.query.operations.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jangteo.platform.privacy.PersonalDataSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brings a stored event into the shape today's code knows, through the same upcaster chain the event store applies
 * to aggregates and processors: as JSON for auditors to read, or as the shared-api event for a fold. The seal never
 * comes here; it hashes the stored bytes. Personal fields read decrypted, or erased once their subject's key is gone.
 */
@Component
class CurrentShape {

    private final PersonalDataSerializer serializer;
    private final EventUpcaster upcasters;
    private final ObjectMapper json;

    CurrentShape(@Qualifier("eventSerializer") PersonalDataSerializer serializer, Configuration axon,
                 @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
        this.json = json;
    }

    /** The event for auditors; an upcaster that split one stored event into several gives several. */
    List<AuditEvent> readable(StoredEvent stored) {
        return upcast(stored).map(event -> new AuditEvent(
                stored.position(), stored.eventIdentifier(), stored.aggregateType(), stored.aggregateId(),
                stored.sequence(), stored.timestamp(), event.getType().getName(), event.getType().getRevision(),
                json.convertValue(serializer.readable(event.getType(), event.getData(JsonNode.class).getData()),
                                  Object.class),
                new LinkedHashMap<>(event.getMetaData().getObject()))).toList();
    }

    /** The shared-api event objects, for folding into an aggregate's state. */
    List<Object> payloads(StoredEvent stored) {
        return upcast(stored).map(event -> (Object) serializer.deserialize(event.getData())).toList();
    }

    private Stream<IntermediateEventRepresentation> upcast(StoredEvent stored) {
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(stored.asEntry(), serializer)));
    }
}
