package dev.jangteo.command.web;

import dev.jangteo.platform.eventstore.EventTables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Read-your-writes: the token handed to a client after a command is the global position of the aggregate's last
 * event. A query endpoint given the token waits until its projection has processed that position, so the client sees
 * its own write. One indexed lookup (aggregate id, sequence number) per command.
 * Under the {@code axonserver} profile the events are not in PostgreSQL and no token is given (clients poll).
 */
@Component
public class ConsistencyTokens {

    private static final String LAST_POSITION = "SELECT global_index FROM " + EventTables.EVENTS
            + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1";

    private final JdbcTemplate jdbc;
    private final boolean eventsInPostgres;

    ConsistencyTokens(JdbcTemplate jdbc, @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.jdbc = jdbc;
        this.eventsInPostgres = !axonServer;
    }

    /** The token, or null when there is none to give. */
    public String afterLastEventOf(String aggregateId) {
        if (!eventsInPostgres) {
            return null;
        }
        List<Long> positions = jdbc.queryForList(LAST_POSITION, Long.class, aggregateId);
        return positions.isEmpty() ? null : Long.toString(positions.getFirst());
    }
}
