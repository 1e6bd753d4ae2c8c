package dev.jangteo.platform.eventstore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The head of the event store (its highest global index), when an event at a position happened, and so how far a
 * processor at a position is behind in time. Reads the PostgreSQL event table: under the {@code axonserver} profile
 * it is empty (head -1).
 */
@Component
public class EventStoreHead {

    private final JdbcClient jdbc;

    EventStoreHead(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest global index, -1 for an empty store. */
    public long head() {
        // coalesce: JdbcClient's single() refuses the NULL that max() gives for an empty table.
        return jdbc.sql("SELECT coalesce(max(global_index), -1) FROM " + EventTables.EVENTS).query(Long.class)
                   .single();
    }

    public Optional<Instant> timeOf(long position) {
        if (position < 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT time_stamp FROM " + EventTables.EVENTS + " WHERE global_index = ?")
                   .param(position)
                   .query(OffsetDateTime.class)
                   .optional()
                   .map(OffsetDateTime::toInstant);
    }

    /**
     * How much older the event at {@code position} is than the one at {@code head}, in seconds: 0 once caught up,
     * null when either time is unknown (no event yet, or one at a gap).
     */
    public Double lagSeconds(long position, long head) {
        if (position >= head) {
            return 0.0;
        }
        Optional<Instant> headTime = timeOf(head);
        Optional<Instant> positionTime = timeOf(position);
        if (headTime.isEmpty() || positionTime.isEmpty()) {
            return null;
        }
        return Math.max(0, Duration.between(positionTime.get(), headTime.get()).toMillis()) / 1000.0;
    }
}
