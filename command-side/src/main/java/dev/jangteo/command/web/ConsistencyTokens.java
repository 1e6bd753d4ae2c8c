package dev.jangteo.command.web;

import dev.jangteo.platform.eventstore.EventStoreHead;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: the token handed to a client after a command is a global event position at or after the
 * command's last event. A query endpoint given the token waits until its projection has processed that position, so
 * the client sees its own write.
 * <p>
 * The position is the head of the event store, asked once the command has committed (the gateway answers after the
 * unit of work's commit), so it covers every event the command appended, whichever store holds them: the highest
 * global index of the JDBC store, Axon Server's last token. It may lie past the command's events when others
 * committed meanwhile: the wait then also covers theirs, which are committed too. One head query per command.
 */
@Component
public class ConsistencyTokens {

    private final EventStoreHead store;

    ConsistencyTokens(EventStoreHead store) {
        this.store = store;
    }

    /**
     * The token after a command committed, or null when the store holds no event. The command's aggregate needs no
     * lookup of its own: the head already covers its events.
     */
    public String afterCommit() {
        long head = store.head();
        return head < 0 ? null : Long.toString(head);
    }
}
