package dev.jangteo.query.operations.replay;

import java.util.List;

/**
 * What an operator sees of one processing group.
 *
 * @param position   the lowest position its segments have reached (-1 before the first event)
 * @param head       the highest global index in the event store
 * @param lagEvents  {@code head - position}
 * @param lagSeconds how much older the event at {@code position} is than the head's (null when unknown)
 * @param replay     the progress of a replay started on this instance, while replaying
 */
record ProcessorStatus(String name, String mode, boolean running, boolean error, boolean replaying, long position,
                       long head, long lagEvents, Double lagSeconds, List<Segment> segments,
                       ReplayRates.Progress replay) {

    /**
     * One segment of the group.
     *
     * @param owner  the node holding its claim (null: unclaimed)
     * @param local  whether this instance processes it
     */
    record Segment(int segment, String owner, boolean local, long position, boolean caughtUp, boolean replaying,
                   boolean error, String errorMessage) {
    }
}
