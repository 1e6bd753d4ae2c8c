package dev.jangteo.query.operations.replay;

import dev.jangteo.query.readmodel.ReplayScope;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ReplayScope} the read models' reset handlers ask. Axon calls {@code @ResetHandler}s synchronously
 * inside {@code resetTokens}, so the replay sets the scope just before and removes it just after: empty means a
 * whole replay, a start means a replay of the events after it. The start is kept as the store's own token, so that
 * what it asks of the store holds whatever the store's token type.
 */
@Component
class ReplayStarts implements ReplayScope {

    private final EventStore eventStore;
    private final Map<String, Start> partial = new ConcurrentHashMap<>();

    ReplayStarts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public OptionalLong partialFrom(String group) {
        Start start = partial.get(group);
        return start == null ? OptionalLong.empty() : OptionalLong.of(start.position());
    }

    @Override
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
