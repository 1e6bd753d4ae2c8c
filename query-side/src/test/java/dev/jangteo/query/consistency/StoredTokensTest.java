package dev.jangteo.query.consistency;

import dev.jangteo.platform.axon.AxonPlatformConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** token_entry rows as the JDBC token store writes them with the apps' Jackson serializer (seen in real rows). */
class StoredTokensTest {

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final String REPLAY = "org.axonframework.eventhandling.ReplayToken";

    private final StoredTokens tokens = new StoredTokens(
            null, JacksonSerializer.builder()
                                   .objectMapper(new AxonPlatformConfiguration().defaultAxonObjectMapper())
                                   .build());

    @Test
    void canReadAGapAwareToken() {
        TrackingToken token = read("{\"index\":42,\"gaps\":[40]}", GAP_AWARE);

        assertThat(token).isEqualTo(GapAwareTrackingToken.newInstance(42, List.of(40L)));
        assertThat(TokenPositions.covers(token, 41)).isTrue();
        assertThat(TokenPositions.covers(token, 40)).isFalse();
    }

    @Test
    void canReadAReplayTokenBeforeItsFirstEvent() {
        TrackingToken token = read("{\"tokenAtReset\":{\"@class\":\"" + GAP_AWARE + "\",\"index\":42,\"gaps\":[40]},"
                                           + "\"currentToken\":null,\"context\":null}", REPLAY);

        assertThat(token).isInstanceOf(ReplayToken.class);
        assertThat(TokenPositions.covers(token, 1)).isFalse();
        assertThat(TokenPositions.reached(token)).isEqualTo(-1);
    }

    @Test
    void canReadAReplayTokenHalfWay() {
        TrackingToken token = read("{\"tokenAtReset\":{\"@class\":\"" + GAP_AWARE + "\",\"index\":42,\"gaps\":[]},"
                                           + "\"currentToken\":{\"@class\":\"" + GAP_AWARE
                                           + "\",\"index\":7,\"gaps\":[]},\"context\":null}", REPLAY);

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
