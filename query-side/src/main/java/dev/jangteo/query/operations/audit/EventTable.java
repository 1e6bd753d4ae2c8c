package dev.jangteo.query.operations.audit;

import dev.jangteo.platform.eventstore.EventTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the command side's event table, never writes it. Long reads stream: inside a read-only transaction the
 * PostgreSQL driver fetches {@value #FETCH_SIZE} rows at a time through a cursor instead of loading the whole result.
 */
@Component
class EventTable {

    static final int FETCH_SIZE = 1_000;
    private static final String SELECT = "SELECT " + StoredEvent.COLUMNS + " FROM " + EventTables.EVENTS;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate readOnly;

    EventTable(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The aggregate's type and how many events it has, or empty when no event has this aggregate id. */
    Optional<AggregateEvents.Summary> summary(String aggregateId) {
        return jdbc.sql("SELECT min(type) AS type, count(*) AS events, max(sequence_number) AS last FROM "
                                + EventTables.EVENTS + " WHERE aggregate_identifier = ?")
                   .param(aggregateId)
                   .query((row, n) -> new AggregateEvents.Summary(row.getString("type"), row.getLong("events"),
                                                                  row.getLong("last")))
                   .optional()
                   .filter(summary -> summary.events() > 0);
    }

    List<StoredEvent> ofAggregate(String aggregateId, long offset, int limit) {
        return jdbc.sql(SELECT + " WHERE aggregate_identifier = ? ORDER BY sequence_number LIMIT ? OFFSET ?")
                   .params(aggregateId, limit, offset)
                   .query((row, n) -> StoredEvent.of(row))
                   .list();
    }

    /**
     * Streams the aggregate's events in order: those up to and including sequence {@code lastSequence} and time
     * {@code until}, each bound only when not null.
     */
    void streamAggregate(String aggregateId, Long lastSequence, Instant until, Consumer<StoredEvent> consumer) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE aggregate_identifier = ?");
        List<Object> params = new ArrayList<>(List.of(aggregateId));
        if (lastSequence != null) {
            sql.append(" AND sequence_number <= ?");
            params.add(lastSequence);
        }
        if (until != null) {
            sql.append(" AND time_stamp <= ?");
            params.add(until.atOffset(ZoneOffset.UTC));
        }
        stream(sql.append(" ORDER BY sequence_number").toString(), params, consumer);
    }

    /** One page of the global feed: events after {@code filter.after()} in global order, at most {@code limit}. */
    List<StoredEvent> feed(FeedFilter filter, int limit) {
        List<StoredEvent> events = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String sql = feedSql(filter, params) + " LIMIT ?";
        params.add(limit);
        template.query(sql, row -> {
            events.add(StoredEvent.of(row));
        }, params.toArray());
        return events;
    }

    /** The whole feed range, row by row, without holding it in memory. */
    void streamFeed(FeedFilter filter, Consumer<StoredEvent> consumer) {
        List<Object> params = new ArrayList<>();
        String sql = feedSql(filter, params);
        stream(sql, params, consumer);
    }

    private static String feedSql(FeedFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE global_index > ?");
        params.add(filter.after() == null ? 0 : filter.after());
        if (filter.from() != null) {
            sql.append(" AND time_stamp >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND time_stamp < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.type() != null) {
            // The payload type by its full class name or by its simple name ("CouponIssuedEvent").
            sql.append(" AND (payload_type = ? OR payload_type LIKE ?)");
            params.add(filter.type());
            params.add("%." + filter.type().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        if (filter.aggregateType() != null) {
            sql.append(" AND type = ?");
            params.add(filter.aggregateType());
        }
        return sql.append(" ORDER BY global_index").toString();
    }

    /** Runs {@code sql} in a read-only transaction, so the driver reads through a cursor {@value #FETCH_SIZE} rows at
     * a time. */
    void stream(String sql, List<Object> params, Consumer<StoredEvent> consumer) {
        readOnly.executeWithoutResult(status -> template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement;
        }, row -> {
            consumer.accept(StoredEvent.of(row));
        }));
    }
}
