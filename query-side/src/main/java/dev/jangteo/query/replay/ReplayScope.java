package dev.jangteo.query.replay;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the reset handler of a group is clearing for. Axon calls {@code @ResetHandler}s synchronously inside
 * {@code resetTokens}, so the replay sets the scope just before and removes it just after: empty means a whole
 * replay (clear everything), a start means a replay of the events after it (clear only what those events will
 * write again, keep what came before). The start is kept as the store's own token, so that what it asks of the
 * store holds whatever the store's token type.
 */
@Component
public class ReplayScope {

    private final EventStore eventStore;
    private final Map<String, Start> partial = new ConcurrentHashMap<>();

    ReplayScope(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The position after which the events of {@code group} are being replayed; empty for a whole replay. */
    public OptionalLong partialFrom(String group) {
        Start start = partial.get(group);
        return start == null ? OptionalLong.empty() : OptionalLong.of(start.position());
    }

    /**
     * For a replay of the events after a start, the ids of the aggregates of {@code aggregateType} created after it
     * (their creation will be replayed, so their rows must go first); empty for a whole replay.
     */
    public Optional<Set<String>> createdSinceStart(String group, String aggregateType) {
        Start start = partial.get(group);
        return start == null ? Optional.empty()
                : Optional.of(CreatedAggregates.after(eventStore, start.token(), aggregateType));
    }

    /** @param token the token the group is reset to, null for before the first event */
    void beginPartial(String group, TrackingToken token) {
        partial.put(group, new Start(token, token == null ? -1 : token.position().orElse(-1)));
    }

    void end(String group) {
        partial.remove(group);
    }

    private record Start(TrackingToken token, long position) {
    }
}
