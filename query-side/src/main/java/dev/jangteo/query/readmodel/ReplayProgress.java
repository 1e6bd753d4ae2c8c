package dev.jangteo.query.readmodel;

import org.axonframework.eventhandling.EventTrackerStatus;

import java.util.OptionalLong;

/**
 * When a segment's replay is over. Axon keeps a segment "replaying" until the first event after the reset
 * position arrives, which on a quiet event store can be never; a replay that has reached its reset position and
 * caught up with the stream is over for every purpose here (switching an index, telling an operator).
 */
public final class ReplayProgress {

    private ReplayProgress() {
    }

    public static boolean replaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong reset = status.getResetPosition();
        OptionalLong current = status.getCurrentPosition();
        boolean reachedReset = reset.isPresent() && current.isPresent()
                && current.getAsLong() >= reset.getAsLong();
        return !(reachedReset && status.isCaughtUp());
    }

    /** Caught up with the event stream, no replay going on, no error. */
    public static boolean caughtUp(EventTrackerStatus status) {
        return status.isCaughtUp() && !replaying(status) && !status.isErrorState();
    }
}
