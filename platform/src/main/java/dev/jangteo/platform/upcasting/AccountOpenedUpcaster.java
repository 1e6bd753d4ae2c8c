package dev.jangteo.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code AccountOpenedEvent} revision 1 (stored with no revision, or "1") to revision 2: the field {@code name}
 * became {@code displayName}. The type is named as a string, as it is stored: an upcaster speaks about stored
 * events, whose class may have changed or gone since.
 */
public class AccountOpenedUpcaster extends SingleEventUpcaster {

    static final String TYPE = "dev.jangteo.api.account.AccountOpenedEvent";
    static final String NEW_REVISION = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPE.equals(representation.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, NEW_REVISION), JsonNode.class,
                                            AccountOpenedUpcaster::renameNameToDisplayName);
    }

    private static JsonNode renameNameToDisplayName(JsonNode payload) {
        ObjectNode upcast = payload.deepCopy();
        JsonNode name = upcast.remove("name");
        upcast.set("displayName", name);
        return upcast;
    }
}
