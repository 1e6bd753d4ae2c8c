package dev.jangteo.query.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.OptionalLong;

/**
 * Whether a processor's tracking token has passed a global event position. A token from the JDBC event store is a
 * {@link GapAwareTrackingToken}: its index is the highest position handled, and its gaps are lower positions whose
 * transactions had not committed yet (so not handled yet). During a replay the token is a
 * {@link org.axonframework.eventhandling.ReplayToken} around the one that is advancing. Axon Server (and the
 * {@code remote-like} store that behaves like it) gives a {@link GlobalSequenceTrackingToken}: one writer at a time,
 * so no gaps, and every position up to its index is covered.
 */
public final class TokenPositions {

    private TokenPositions() {
    }

    public static boolean covers(TrackingToken token, long position) {
        TrackingToken current = current(token);
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        if (current instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex() >= position;
        }
        OptionalLong reached = current.position();
        return reached.isPresent() && reached.getAsLong() >= position;
    }

    /** The highest position the token has reached, or -1 before its first event. */
    public static long reached(TrackingToken token) {
        TrackingToken current = current(token);
        OptionalLong reached = current == null ? OptionalLong.empty() : current.position();
        return reached.isPresent() ? reached.getAsLong() : -1;
    }

    /** The highest position up to which every position is covered (below the first gap), or -1. */
    public static long contiguous(TrackingToken token) {
        TrackingToken current = current(token);
        if (current instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return reached(token);
    }

    /** The token that is advancing: a replay's current token, null before a replay's first event. */
    private static TrackingToken current(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrapLowerBound(token);
    }
}
