package dev.jangteo.query.consistency;

import dev.jangteo.platform.axon.AxonPlatformConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** token_entry rows as the JDBC token store writes them with the apps' Jackson serializer (seen in real rows). */
class StoredTokensTest {

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final String GLOBAL_SEQUENCE = "org.axonframework.eventhandling.GlobalSequenceTrackingToken";
    private static final String REPLAY = "org.axonframework.eventhandling.ReplayToken";

    private final Serializer serializer = JacksonSerializer.builder()
                                                           .objectMapper(new AxonPlatformConfiguration()
                                                                                 .defaultAxonObjectMapper())
                                                           .build();
    private final StoredTokens tokens = new StoredTokens(null, serializer);

    @Test
    void canReadAGapAwareToken() {
        TrackingToken token = read("{\"index\":42,\"gaps\":[40]}", GAP_AWARE);

        assertThat(token).isEqualTo(GapAwareTrackingToken.newInstance(42, List.of(40L)));
        assertThat(TokenPositions.covers(token, 41)).isTrue();
        assertThat(TokenPositions.covers(token, 40)).isFalse();
    }

    @Test
    void canReadAGlobalSequenceTokenAsTheTokenStoreWritesIt() {
        SerializedObject<byte[]> written = serializer.serialize(new GlobalSequenceTrackingToken(42), byte[].class);

        assertThat(new String(written.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"globalIndex\":42}");
        TrackingToken token = read("{\"globalIndex\":42}", written.getType().getName());
        assertThat(token).isEqualTo(new GlobalSequenceTrackingToken(42));
        assertThat(TokenPositions.covers(token, 42)).isTrue();
        assertThat(TokenPositions.covers(token, 43)).isFalse();
        assertThat(TokenPositions.reached(token)).isEqualTo(42);
    }

    @Test
    void canReadAReplayTokenBeforeItsFirstEvent() {
        TrackingToken token = read("{\"tokenAtReset\":{\"@class\":\"" + GAP_AWARE + "\",\"index\":42,\"gaps\":[40]},"
                                           + "\"currentToken\":null,\"context\":null}", REPLAY);

        assertThat(token).isInstanceOf(ReplayToken.class);
        assertThat(TokenPositions.covers(token, 1)).isFalse();
        assertThat(TokenPositions.reached(token)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            GAP_AWARE + "|\"index\":42,\"gaps\":[]|\"index\":7,\"gaps\":[]",
            GLOBAL_SEQUENCE + "|\"globalIndex\":42|\"globalIndex\":7"})
    void canReadAReplayTokenHalfWay(String type, String atReset, String current) {
        TrackingToken token = read("{\"tokenAtReset\":{\"@class\":\"" + type + "\"," + atReset + "},"
                                           + "\"currentToken\":{\"@class\":\"" + type + "\"," + current + "},"
                                           + "\"context\":null}", REPLAY);

        assertThat(token).isInstanceOf(ReplayToken.class);
        assertThat(TokenPositions.covers(token, 7)).isTrue();
        assertThat(TokenPositions.covers(token, 8)).isFalse();
        assertThat(TokenPositions.reached(token)).isEqualTo(7);
    }

    @Test
    void canReadASegmentThatProcessedNothingYet() {
        assertThat(tokens.read(null, null)).isNull();
    }

    private TrackingToken read(String json, String type) {
        return tokens.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
