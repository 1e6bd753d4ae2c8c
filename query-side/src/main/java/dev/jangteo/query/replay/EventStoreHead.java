package dev.jangteo.query.replay;

import dev.jangteo.platform.eventstore.EventTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The head of the event store (its highest global index) and when an event at a position happened. */
@Component
class EventStoreHead {

    private final JdbcClient jdbc;

    EventStoreHead(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest global index, -1 for an empty store. */
    long head() {
        // coalesce: JdbcClient's single() refuses the NULL that max() gives for an empty table.
        return jdbc.sql("SELECT coalesce(max(global_index), -1) FROM " + EventTables.EVENTS).query(Long.class)
                   .single();
    }

    Optional<Instant> timeOf(long position) {
        if (position < 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT time_stamp FROM " + EventTables.EVENTS + " WHERE global_index = ?")
                   .param(position)
                   .query(OffsetDateTime.class)
                   .optional()
                   .map(OffsetDateTime::toInstant);
    }
}
