package dev.jangteo.query.operations.audit;

import dev.jangteo.platform.eventstore.EventTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command side's event table ({@link EventTables#EVENTS}), positions from 1. Its writers append concurrently,
 * so a position may become visible before a lower one commits: a sealing read stops at the first gap until
 * {@link GapWatch} knows it is permanent. Sealing runs on the sealer's single thread only, which the gap watch
 * relies on.
 */
final class EventTableStoredEvents extends TableStoredEvents {

    private final JdbcClient jdbc;
    private final GapWatch gaps;

    EventTableStoredEvents(JdbcClient jdbc, JdbcTemplate template, Duration gapGrace) {
        super(EventTables.EVENTS, 1, jdbc, template);
        this.jdbc = jdbc;
        this.gaps = new GapWatch(gapGrace, Clock.systemUTC());
    }

    /**
     * Takes PostgreSQL's transaction horizon now: before the chain's head is locked (which gives the sealing
     * transaction an id of its own) and before the events are read.
     */
    @Override
    public Sealing sealing() {
        Set<Long> closable = gaps.closable(horizon());
        return (after, limit) -> sealable(next(after, limit), after, closable);
    }

    /** The events up to the first gap that may still fill, noting every gap still open. */
    private List<StoredEvent> sealable(List<StoredEvent> events, long after, Set<Long> closable) {
        List<StoredEvent> sealable = new ArrayList<>();
        long expected = after + 1;
        boolean blocked = false;
        for (StoredEvent event : events) {
            boolean gapBefore = event.position() > expected;
            if (gapBefore && (blocked || !closable.contains(expected))) {
                // Stop here, but note the later gaps too, so that their grace runs alongside.
                gaps.saw(expected);
                blocked = true;
            }
            if (!blocked) {
                sealable.add(event);
            }
            expected = event.position() + 1;
        }
        if (!sealable.isEmpty()) {
            gaps.sealedUpTo(sealable.getLast().position());
        }
        return sealable;
    }

    private GapWatch.Horizon horizon() {
        return jdbc.sql("SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax"
                                + " FROM pg_current_snapshot() s")
                   .query((row, n) -> new GapWatch.Horizon(row.getLong("xmin"), row.getLong("xmax")))
                   .single();
    }
}
