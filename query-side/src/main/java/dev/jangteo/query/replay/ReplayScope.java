package dev.jangteo.query.replay;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the reset handler of a group is clearing for. Axon calls {@code @ResetHandler}s synchronously inside
 * {@code resetTokens}, so the replay sets the scope just before and removes it just after: empty means a whole
 * replay (clear everything), a position means a replay of the events after it (clear only what those events will
 * write again, keep what came before).
 */
@Component
public class ReplayScope {

    private final Map<String, Long> partial = new ConcurrentHashMap<>();

    /** The position after which the events of {@code group} are being replayed; empty for a whole replay. */
    public OptionalLong partialFrom(String group) {
        Long position = partial.get(group);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    void beginPartial(String group, long position) {
        partial.put(group, position);
    }

    void end(String group) {
        partial.remove(group);
    }
}
