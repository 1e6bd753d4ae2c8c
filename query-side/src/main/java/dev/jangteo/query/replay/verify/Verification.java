package dev.jangteo.query.replay.verify;

import java.util.List;

/**
 * The answer of a verified replay.
 *
 * @param position    the live group's position the shadow was compared at
 * @param events      the events the shadow replay handed to the group's handlers
 * @param rows        rows, documents or keys compared in the live stores
 * @param skipped     events held in the group's dead-letter queue, skipped like the live group skipped them
 * @param differences the first differences found (at most {@value VerifiedReplay#MAX_DIFFERENCES})
 */
public record Verification(String processor, boolean equal, long position, long events, long rows, long skipped,
                           long millis, List<Difference> differences) {

    /**
     * @param store    which store ({@code query_side.order_view}, an index...)
     * @param kind     {@code LIVE_ONLY}: the live store has it, the replay not; {@code REPLAY_ONLY}: the reverse;
     *                 {@code DIFFERENT}: both, with other content; {@code HANDLER_FAILED}: the replay could not
     *                 handle an event the live group had handled
     * @param entry    the row or document (JSON), or the failed event
     */
    public record Difference(String store, String kind, String entry) {
    }
}
