package dev.jangteo.query.operations.audit;

import com.google.protobuf.ByteString;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the seal hashes of an event as Axon Server hands it over. */
class AxonServerStoredEventsTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final String PAYLOAD = "{\"userId\":\"alice\",\"amount\":500}";

    private static MetaDataValue text(String value) {
        return MetaDataValue.newBuilder().setTextValue(value).build();
    }

    private static MetaDataValue number(long value) {
        return MetaDataValue.newBuilder().setNumberValue(value).build();
    }

    /** A deposit of alice's at position 41, as Axon Server stores it, with the metadata entries in the given order. */
    private static EventWithToken deposit(Map<String, MetaDataValue> metaData) {
        Event event = Event.newBuilder()
                           .setMessageIdentifier("event-41")
                           .setAggregateType("Account")
                           .setAggregateIdentifier("alice")
                           .setAggregateSequenceNumber(1)
                           .setTimestamp(AT.toEpochMilli())
                           .setPayload(SerializedObject.newBuilder()
                                                       .setType("dev.jangteo.api.account.FundsDepositedEvent")
                                                       .setRevision("2")
                                                       .setData(ByteString.copyFromUtf8(PAYLOAD)))
                           .putAllMetaData(metaData)
                           .build();
        return EventWithToken.newBuilder().setToken(41).setEvent(event).build();
    }

    private static Map<String, MetaDataValue> metaData(String... keysAndTexts) {
        Map<String, MetaDataValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            entries.put(keysAndTexts[i], text(keysAndTexts[i + 1]));
        }
        return entries;
    }

    @Test
    void canTakeEveryFieldOfAnEventAsAxonServerStoresIt() {
        StoredEvent stored = AxonServerStoredEvents.stored(deposit(metaData("actingUser", "alice")));

        assertThat(stored.position()).isEqualTo(41);
        assertThat(stored.eventIdentifier()).isEqualTo("event-41");
        assertThat(stored.aggregateType()).isEqualTo("Account");
        assertThat(stored.aggregateId()).isEqualTo("alice");
        assertThat(stored.sequence()).isEqualTo(1);
        assertThat(stored.timestamp()).isEqualTo(AT);
        assertThat(stored.payloadType()).isEqualTo("dev.jangteo.api.account.FundsDepositedEvent");
        assertThat(stored.payloadRevision()).isEqualTo("2");
        assertThat(new String(stored.payload(), StandardCharsets.UTF_8)).isEqualTo(PAYLOAD);
        assertThat(stored.metaData()).isEqualTo(AxonServerStoredEvents.metaData(metaData("actingUser", "alice")));
    }

    @Test
    void canTakeWhatProtobufLeavesEmptyAsNone() {
        Event event = Event.newBuilder()
                           .setMessageIdentifier("event-0")
                           .setTimestamp(AT.toEpochMilli())
                           .setPayload(SerializedObject.newBuilder().setType("dev.jangteo.api.Tick")
                                                       .setData(ByteString.copyFromUtf8("{}")))
                           .build();

        StoredEvent stored = AxonServerStoredEvents.stored(EventWithToken.newBuilder().setEvent(event).build());

        assertThat(stored.position()).isZero();
        assertThat(stored.aggregateType()).isNull();
        assertThat(stored.aggregateId()).isNull();
        assertThat(stored.payloadRevision()).isNull();
        assertThat(stored.metaData()).isEmpty();
    }

    @Test
    void canEncodeMetadataTheSameWhateverTheOrderOfItsEntries() {
        byte[] one = AxonServerStoredEvents.metaData(metaData("correlationId", "c-1", "actingUser", "alice",
                                                              "causationId", "c-0"));
        byte[] other = AxonServerStoredEvents.metaData(metaData("causationId", "c-0", "correlationId", "c-1",
                                                                "actingUser", "alice"));

        assertThat(one).isEqualTo(other).isNotEmpty();
    }

    @Test
    void canSealAnEventReadTwiceTheSameWay() {
        EventWithToken once = deposit(metaData("correlationId", "c-1", "actingUser", "alice"));
        EventWithToken again = deposit(metaData("actingUser", "alice", "correlationId", "c-1"));

        assertThat(seal(once)).isEqualTo(seal(again));
    }

    @Test
    void canTellAChangedMetadataValue() {
        byte[] original = seal(deposit(metaData("actingUser", "alice")));

        assertThat(seal(deposit(metaData("actingUser", "mallory")))).isNotEqualTo(original);
        assertThat(seal(deposit(Map.of("actingUser", number(1))))).isNotEqualTo(seal(deposit(metaData("actingUser",
                                                                                                         "1"))));
    }

    @Test
    void canTellBytesMovedFromAKeyToItsValue() {
        assertThat(AxonServerStoredEvents.metaData(metaData("ab", "c")))
                .isNotEqualTo(AxonServerStoredEvents.metaData(metaData("a", "bc")));
    }

    private static byte[] seal(EventWithToken event) {
        return new SealHash().next(SealHash.GENESIS, AxonServerStoredEvents.stored(event));
    }
}
