package dev.jangteo.query.operations.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a gap in the global index is for good. The index comes from a sequence when a row is inserted, but
 * rows become visible when their transactions commit, in any order: position 7 may be visible while 6 is still in
 * flight, and 6 may also never come (its transaction rolled back; a lost optimistic-locking race does that). Sealing
 * 7 before 6 commits would leave 6 out of the chain for ever, so a gap blocks the sealer until it is known to be
 * permanent:
 * <ol>
 *     <li>when first seen, the gap is noted with the time;</li>
 *     <li>once {@code grace} has passed, the sealer notes PostgreSQL's transaction horizon ({@code xmax} of a fresh
 *     snapshot: every transaction that had started by then has an id below it). The transaction holding the missing
 *     position started before the gap was seen, and it has its transaction id by then: PostgreSQL assigns it at the
 *     insert that took the position, microseconds later, which is what the grace covers;</li>
 *     <li>as soon as every transaction below that horizon has ended ({@code xmin} of a later snapshot reaches it), the
 *     missing row either is visible or never will be: the sealer reads the events again after this check and passes
 *     the gap only if the row is still absent.</li>
 * </ol>
 * Unlike Axon's gap-aware tracking token, which delivers a late event after later ones, this keeps the chain in
 * global order; unlike a plain timeout, a long transaction is waited for, however long it takes, and a rolled-back
 * one costs only the grace. Used by the sealer's single thread only.
 */
final class GapWatch {

    /** PostgreSQL's view of running transactions: every id below {@code xmin} has ended, none from {@code xmax} on
     * had started. */
    record Horizon(long xmin, long xmax) {
    }

    private static final class Sighting {
        private final Instant firstSeen;
        private Long horizon;

        private Sighting(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private final Duration grace;
    private final Clock clock;
    /** By the first missing position of each gap. */
    private final Map<Long, Sighting> sightings = new HashMap<>();

    GapWatch(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * Before reading the events: the first positions of the gaps that may be passed if they are still open in a read
     * that starts after {@code now} was taken.
     */
    Set<Long> closable(Horizon now) {
        Instant time = clock.instant();
        Set<Long> closable = new HashSet<>();
        sightings.forEach((start, sighting) -> {
            if (sighting.horizon == null && !time.isBefore(sighting.firstSeen.plus(grace))) {
                sighting.horizon = now.xmax();
            }
            if (sighting.horizon != null && now.xmin() >= sighting.horizon) {
                closable.add(start);
            }
        });
        return closable;
    }

    /** A gap starting at {@code start} is open in the events just read. */
    void saw(long start) {
        sightings.putIfAbsent(start, new Sighting(clock.instant()));
    }

    /** The chain now reaches {@code position}: gaps below it are behind us. */
    void sealedUpTo(long position) {
        sightings.keySet().removeIf(start -> start <= position);
    }

    int open() {
        return sightings.size();
    }
}
