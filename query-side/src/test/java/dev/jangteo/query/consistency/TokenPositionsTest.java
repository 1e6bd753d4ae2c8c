package dev.jangteo.query.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

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

    @ParameterizedTest
    @MethodSource("resetAt100AndHalfWayAt40")
    void canCoverOnlyWhatAReplayHasReprocessed(TrackingToken atReset, TrackingToken halfWayThere) {
        TrackingToken reset = ReplayToken.createReplayToken(atReset);
        TrackingToken halfWay = ((ReplayToken) reset).advancedTo(halfWayThere);

        assertThat(TokenPositions.covers(reset, 1)).isFalse();
        assertThat(TokenPositions.covers(halfWay, 40)).isTrue();
        assertThat(TokenPositions.covers(halfWay, 41)).isFalse();
        assertThat(TokenPositions.reached(halfWay)).isEqualTo(40);
    }

    /** Under the JDBC store, and under Axon Server or the remote-like store. */
    static Stream<Arguments> resetAt100AndHalfWayAt40() {
        return Stream.of(Arguments.of(GapAwareTrackingToken.newInstance(100, List.of()),
                                      GapAwareTrackingToken.newInstance(40, List.of())),
                         Arguments.of(new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(40)));
    }

    @Test
    void canCoverTheFirstEventOfAStoreThatStartsAtZero() {
        assertThat(TokenPositions.covers(new GlobalSequenceTrackingToken(0), 0)).isTrue();
        assertThat(TokenPositions.reached(new GlobalSequenceTrackingToken(0))).isZero();
    }

    @Test
    void canCountEveryPositionOfAGlobalSequenceTokenAsContiguous() {
        assertThat(TokenPositions.contiguous(new GlobalSequenceTrackingToken(9))).isEqualTo(9);
        assertThat(TokenPositions.contiguous(GapAwareTrackingToken.newInstance(9, List.of(4L)))).isEqualTo(3);
    }

    @Test
    void cannotCoverWithoutAToken() {
        assertThat(TokenPositions.covers(null, 0)).isFalse();
        assertThat(TokenPositions.reached(null)).isEqualTo(-1);
    }
}
