package dev.jangteo.query.operations.actions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The record of what operators did: one row in {@code query_side.operator_action} per change asked through
 * {@code /api/admin/**} (whatever its answer), written when the answer is known. The same facts go to the log, so
 * that an action whose row could not be written (the database failing at that moment) is still on record there.
 */
@Component
class OperatorActions {

    static final String TABLE = "operator_action";
    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);
    private static final int MAX_PATH = 512;
    private static final int MAX_QUERY = 1024;

    private final JdbcClient jdbc;
    private final Clock clock;

    OperatorActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    record Action(long id, Instant at, String operator, String method, String path, String query, int status,
                  String correlationId) {
    }

    void record(String operator, String method, String path, String query, int status, String correlationId) {
        Instant at = clock.instant();
        log.info("Operator action: {} {} {}{} answered {}", operator, method, path,
                 query == null ? "" : "?" + query, status);
        try {
            jdbc.sql("INSERT INTO " + TABLE + " (at, operator, method, path, query, status, correlation_id) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), operator, method, cut(path, MAX_PATH), cut(query, MAX_QUERY), status,
                        correlationId)
                .update();
        } catch (RuntimeException e) {
            log.error("Could not record the operator action {} {} {} answered {} at {} (the log line above keeps it)",
                      operator, method, path, status, at, e);
        }
    }

    /** The latest {@code limit} actions, newest first; with {@code before}, those older than that id. */
    List<Action> latest(int limit, Long before) {
        return jdbc.sql("SELECT id, at, operator, method, path, query, status, correlation_id FROM " + TABLE
                                + " WHERE (?::bigint IS NULL OR id < ?) ORDER BY id DESC LIMIT ?")
                   .params(before, before, limit)
                   .query((rs, row) -> new Action(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                                                  rs.getString("operator"), rs.getString("method"),
                                                  rs.getString("path"), rs.getString("query"), rs.getInt("status"),
                                                  rs.getString("correlation_id")))
                   .list();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
