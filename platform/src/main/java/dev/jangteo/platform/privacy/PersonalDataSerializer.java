package dev.jangteo.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event serializer of both apps: Jackson JSON as before, with the {@code @PersonalData} fields of an event
 * encrypted on the way into the store and decrypted (or erased) on the way out. Everything that reads events through
 * Axon (aggregates, processors, replays, dead letters, the audit folds) sees the same. Events without personal data
 * go straight to Jackson.
 */
public class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer jackson;
    private final ObjectMapper mapper;
    private final PersonalDataCodec codec;

    public PersonalDataSerializer(JacksonSerializer jackson, PersonalDataCodec codec) {
        this.jackson = jackson;
        this.mapper = jackson.getObjectMapper();
        this.codec = codec;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !codec.hasPersonalData(object.getClass())) {
            return jackson.serialize(object, expectedRepresentation);
        }
        ObjectNode json = codec.conceal(object.getClass(), mapper.valueToTree(object));
        try {
            SerializedObject<byte[]> bytes = new SimpleSerializedObject<>(
                    mapper.writeValueAsBytes(json), byte[].class, jackson.typeForClass(object.getClass()));
            return jackson.getConverter().convert(bytes, expectedRepresentation);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot serialize " + object.getClass().getName(), e);
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = jackson.classForType(serializedObject.getType());
        if (!codec.hasPersonalData(type)) {
            return jackson.deserialize(serializedObject);
        }
        // A copy: an upcaster's JSON tree may be shared with other readers of the same stored event.
        JsonNode json = jackson.getConverter().convert(serializedObject, JsonNode.class).getData().deepCopy();
        return jackson.deserialize(new SimpleSerializedObject<>(codec.reveal(type, json), JsonNode.class,
                                                                serializedObject.getType()));
    }

    /** The event's JSON as readers should see it: personal fields decrypted, or erased when the key is gone. */
    public JsonNode readable(SerializedType type, JsonNode json) {
        Class<?> javaType = jackson.classForType(type);
        return codec.hasPersonalData(javaType) ? codec.reveal(javaType, json.deepCopy()) : json;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
