package dev.jangteo.query.operations.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events of a PostgreSQL table with the event table's columns ({@link StoredEvent#COLUMNS}), as the seal chain
 * reads them; itself for the {@code remote-like} store's table, whose positions start at 0. Its engine appends one
 * transaction at a time, under an advisory lock held until the commit, so an event becomes visible only after every
 * event below it committed or rolled back: a hole below a visible event (a rolled-back append) never fills, and
 * every event read may be sealed at once. The command side's own table has concurrent writers:
 * {@link EventTableStoredEvents}.
 */
class TableStoredEvents implements StoredEvents {

    private static final int FETCH_SIZE = 5_000;

    private final String table;
    private final long first;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TableStoredEvents(String table, long first, JdbcClient jdbc, JdbcTemplate template) {
        this.table = table;
        this.first = first;
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public long first() {
        return first;
    }

    @Override
    public long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), ?) FROM " + table).param(first - 1).query(Long.class)
                   .single();
    }

    @Override
    public Optional<Instant> firstTimeAfter(long position) {
        return jdbc.sql("SELECT time_stamp FROM " + table + " WHERE global_index > ? ORDER BY global_index LIMIT 1")
                   .param(position)
                   .query(OffsetDateTime.class)
                   .optional()
                   .map(OffsetDateTime::toInstant);
    }

    /**
     * Through a cursor, {@value #FETCH_SIZE} rows at a time, when called inside a transaction (the PostgreSQL driver
     * loads the whole result otherwise), as the verifier does.
     */
    @Override
    public void read(long from, long to, Predicate<StoredEvent> each) {
        template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS + " FROM "
                    + table + " WHERE global_index BETWEEN ? AND ? ORDER BY global_index");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, from);
            statement.setLong(2, to);
            return statement;
        }, (ResultSet rows) -> {
            while (rows.next() && each.test(StoredEvent.of(rows))) {
                // on to the next row
            }
            return null;
        });
    }

    @Override
    public Sealing sealing() {
        return this::next;
    }

    /** The next {@code limit} events after {@code position}, whatever holes lie between them. */
    final List<StoredEvent> next(long position, int limit) {
        return jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM " + table
                                + " WHERE global_index > ? ORDER BY global_index LIMIT ?")
                   .params(position, limit)
                   .query((row, n) -> StoredEvent.of(row))
                   .list();
    }
}
