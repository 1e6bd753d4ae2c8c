package dev.jangteo.query.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenPositionsTest {

    @Test
    void canCoverEveryPositionUpToTheIndex() {
        TrackingToken token = GapAwareTrackingToken.newInstance(10, List.of());

        assertThat(TokenPositions.covers(token, 10)).isTrue();
        assertThat(TokenPositions.covers(token, 1)).isTrue();
        assertThat(TokenPositions.covers(token, 11)).isFalse();
    }

    @Test
    void cannotCoverAGapStillOpen() {
        TrackingToken token = GapAwareTrackingToken.newInstance(10, List.of(8L));

        assertThat(TokenPositions.covers(token, 8)).isFalse();
        assertThat(TokenPositions.covers(token, 9)).isTrue();
        assertThat(TokenPositions.reached(token)).isEqualTo(10);
    }

    @Test
    void canCoverWithAGlobalSequenceToken() {
        assertThat(TokenPositions.covers(new GlobalSequenceTrackingToken(5), 5)).isTrue();
        assertThat(TokenPositions.covers(new GlobalSequenceTrackingToken(5), 6)).isFalse();
    }

    @Test
    void canCoverOnlyWhatAReplayHasReprocessed() {
        TrackingToken reset = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()));
        TrackingToken halfWay = ((ReplayToken) reset).advancedTo(GapAwareTrackingToken.newInstance(40, List.of()));

        assertThat(TokenPositions.covers(reset, 1)).isFalse();
        assertThat(TokenPositions.covers(halfWay, 40)).isTrue();
        assertThat(TokenPositions.covers(halfWay, 41)).isFalse();
        assertThat(TokenPositions.reached(halfWay)).isEqualTo(40);
    }

    @Test
    void cannotCoverWithoutAToken() {
        assertThat(TokenPositions.covers(null, 0)).isFalse();
        assertThat(TokenPositions.reached(null)).isEqualTo(-1);
    }
}
