package dev.jangteo.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Encrypts the personal-data fields of an event's JSON on the way into the store and decrypts them on the
 * way out. When the subject's key is gone (or was never made) an encrypted field reads as {@link #ERASED};
 * a value without the {@link FieldCipher#PREFIX} was stored before encryption and passes through unchanged.
 * Only the side that appends events makes keys ({@code createKeys}); the other only reads them.
 */
public class PersonalDataCodec {

    /** What a personal field reads as once its subject's key is gone; shared-api's PersonalData.ERASED is the same. */
    public static final String ERASED = "[erased]";

    private final SubjectKeys keys;
    private final boolean createKeys;

    public PersonalDataCodec(SubjectKeys keys, boolean createKeys) {
        this.keys = keys;
        this.createKeys = createKeys;
    }

    public boolean hasPersonalData(Class<?> type) {
        return !PersonalFields.of(type).isEmpty();
    }

    /** Replaces the personal fields of {@code json} (the event of class {@code type}) with their envelopes. */
    public ObjectNode conceal(Class<?> type, ObjectNode json) {
        PersonalFields personal = PersonalFields.of(type);
        String subject = subjectOf(json, personal);
        if (personal.isEmpty() || subject == null || !hasPlaintext(json, personal)) {
            return json;
        }
        SubjectKey key = createKeys ? keys.findOrCreate(subject) : keys.find(subject);
        for (String field : personal.fields()) {
            JsonNode value = json.get(field);
            if (value != null && value.isTextual() && !FieldCipher.isEncrypted(value.asText())) {
                switch (key) {
                    case SubjectKey.Active active ->
                            json.put(field, FieldCipher.encrypt(active.key(), subject, field, value.asText()));
                    case SubjectKey.Erased erased -> json.put(field, ERASED);
                    // Only a side that makes no keys gets here: it is writing back (into a dead-letter queue, say)
                    // an event stored in plaintext before encryption, which is kept as it was.
                    case SubjectKey.Unknown unknown -> {
                    }
                }
            }
        }
        return json;
    }

    /** Decrypts the personal fields of {@code json} in place (erased when the key is gone) and returns it. */
    public JsonNode reveal(Class<?> type, JsonNode json) {
        PersonalFields personal = PersonalFields.of(type);
        if (personal.isEmpty() || !(json instanceof ObjectNode object)) {
            return json;
        }
        String subject = subjectOf(object, personal);
        SubjectKey key = null;
        for (String field : personal.fields()) {
            JsonNode value = object.get(field);
            if (value == null || !value.isTextual() || !FieldCipher.isEncrypted(value.asText())) {
                continue;
            }
            if (key == null) {
                key = subject == null ? new SubjectKey.Unknown() : keys.find(subject);
            }
            object.put(field, key instanceof SubjectKey.Active active
                    ? FieldCipher.decrypt(active.key(), subject, field, value.asText())
                    : ERASED);
        }
        return object;
    }

    private static String subjectOf(ObjectNode json, PersonalFields personal) {
        JsonNode subject = personal.subject() == null ? null : json.get(personal.subject());
        return subject == null || !subject.isTextual() ? null : subject.asText();
    }

    private static boolean hasPlaintext(ObjectNode json, PersonalFields personal) {
        return personal.fields().stream().map(json::get)
                       .anyMatch(value -> value != null && value.isTextual() && !FieldCipher.isEncrypted(value.asText()));
    }
}
