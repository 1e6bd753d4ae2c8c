package dev.jangteo.query.readmodel;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the reset handler of a group is clearing for, asked by the handler while Axon resets the group's tokens: a
 * whole replay (clear everything) or a replay of the events after a start (clear only what those events will write
 * again, keep what came before). The replay machinery sets it; a read model only reads it.
 */
public interface ReplayScope {

    /** The position after which the events of {@code group} are being replayed; empty for a whole replay. */
    OptionalLong partialFrom(String group);

    /**
     * For a replay of the events after a start, the ids of the aggregates of {@code aggregateType} created after it
     * (their creation will be replayed, so their rows must go first); empty for a whole replay.
     */
    Optional<Set<String>> createdSinceStart(String group, String aggregateType);
}
