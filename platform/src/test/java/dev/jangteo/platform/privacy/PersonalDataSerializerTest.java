package dev.jangteo.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jangteo.api.Money;
import dev.jangteo.api.PersonalData;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSerializerTest {

    private static final AccountOpenedEvent OPENED =
            new AccountOpenedEvent("alice", "alice@example.com", "Alice Kim");

    private final InMemorySubjectKeys keys = new InMemorySubjectKeys();
    private final JacksonSerializer jackson = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    private final PersonalDataSerializer writer = new PersonalDataSerializer(jackson, new PersonalDataCodec(keys, true));
    private final PersonalDataSerializer reader =
            new PersonalDataSerializer(jackson, new PersonalDataCodec(keys, false));

    @Test
    void canStorePersonalFieldsEncryptedAndTheRestReadable() throws Exception {
        String stored = text(writer.serialize(OPENED, byte[].class));

        assertThat(stored).doesNotContain("alice@example.com").doesNotContain("Alice Kim");
        JsonNode json = new ObjectMapper().readTree(stored);
        assertThat(json.path("userId").asText()).isEqualTo("alice");
        assertThat(json.path("email").asText()).startsWith(FieldCipher.PREFIX);
        assertThat(json.path("displayName").asText()).startsWith(FieldCipher.PREFIX);
    }

    @Test
    void canReadBackWhatItStored() {
        SerializedObject<byte[]> stored = writer.serialize(OPENED, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo(AccountOpenedEvent.class.getName());
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((Object) reader.deserialize(stored)).isEqualTo(OPENED);
    }

    @Test
    void canReadErasedFieldsOnceTheKeyIsDeleted() {
        SerializedObject<byte[]> stored = writer.serialize(OPENED, byte[].class);
        keys.erase("alice");

        assertThat((Object) reader.deserialize(stored))
                .isEqualTo(new AccountOpenedEvent("alice", PersonalData.ERASED, PersonalData.ERASED));
        assertThat(reader.readable(stored.getType(), jackson.getConverter().convert(stored, JsonNode.class).getData())
                         .toString()).contains(PersonalData.ERASED).doesNotContain(FieldCipher.PREFIX);
    }

    @Test
    void canStoreErasedFieldsForAnErasedSubject() {
        keys.erase("alice");

        String stored = text(writer.serialize(OPENED, byte[].class));

        assertThat(stored).doesNotContain("alice@example.com").contains(PersonalData.ERASED);
        assertThat(PersonalDataCodec.ERASED).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void canReadPlaintextStoredBeforeEncryption() {
        SerializedObject<byte[]> legacy = new SimpleSerializedObject<>(
                "{\"userId\":\"alice\",\"email\":\"alice@example.com\",\"displayName\":\"Alice Kim\"}"
                        .getBytes(StandardCharsets.UTF_8), byte[].class, jackson.typeForClass(AccountOpenedEvent.class));

        assertThat((Object) reader.deserialize(legacy)).isEqualTo(OPENED);
    }

    @Test
    void canLeaveEventsWithoutPersonalDataAlone() {
        FundsDepositedEvent deposited = new FundsDepositedEvent("alice", "d1", Money.won(100), Money.won(100));

        SerializedObject<byte[]> stored = writer.serialize(deposited, byte[].class);

        assertThat(text(stored)).isEqualTo(text(jackson.serialize(deposited, byte[].class)));
        assertThat((Object) reader.deserialize(stored)).isEqualTo(deposited);
    }

    @Test
    void cannotReadATamperedField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(text(writer.serialize(OPENED, byte[].class)));
        String email = json.path("email").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("displayName", email);
        SerializedObject<byte[]> swapped = new SimpleSerializedObject<>(
                json.toString().getBytes(StandardCharsets.UTF_8), byte[].class,
                jackson.typeForClass(AccountOpenedEvent.class));

        assertThatThrownBy(() -> reader.deserialize(swapped)).isInstanceOf(FieldCipher.TamperedFieldException.class);
    }

    @Test
    void cannotReadAsErasedWhenTheKeyStoreFails() {
        SerializedObject<byte[]> stored = writer.serialize(OPENED, byte[].class);
        keys.failing();

        assertThatThrownBy(() -> reader.deserialize(stored)).isInstanceOf(DataAccessResourceFailureException.class);
    }

    private static String text(SerializedObject<byte[]> serialized) {
        return new String(serialized.getData(), StandardCharsets.UTF_8);
    }
}
