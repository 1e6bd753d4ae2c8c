package dev.jangteo.query.readmodel;

import jakarta.persistence.EntityManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every JPA projection does besides its handlers: find the row an event updates (a missing one is a fault that
 * sends the event to the dead-letter queue, never a row made up), and clear its own tables on reset. Handlers run in
 * the processor's transaction, which also stores the tracking token.
 */
public abstract class JpaProjection {

    private static final int DELETE_SLICE = 1_000;

    protected final EntityManager entityManager;
    private final TransactionTemplate transaction;

    protected JpaProjection(EntityManager entityManager, TransactionTemplate transaction) {
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    protected <T> T existing(Class<T> type, String id) {
        T row = entityManager.find(type, id);
        if (row == null) {
            throw new IllegalStateException("Event for unknown " + type.getSimpleName() + " " + id);
        }
        return row;
    }

    /** Runs the given SQL statements (native, tables named without schema) in one transaction of their own. */
    protected void clear(String... statements) {
        transaction.executeWithoutResult(status -> {
            for (String statement : statements) {
                entityManager.createNativeQuery(statement).executeUpdate();
            }
        });
    }

    /**
     * The reset of a projection that keeps one row per aggregate ({@code table} keyed by {@code idColumn}) and
     * takes every value from the events, the last one winning: a whole replay ({@code createdSinceStart} empty)
     * empties the table; a replay of the events after a start deletes only the rows of the aggregates created after
     * it (their creation will be replayed; the event store says which, see
     * {@link ReplayScope#createdSinceStart}), and the later events of older aggregates
     * overwrite their rows with the same values again.
     */
    protected void clearRowsPerAggregate(Optional<Set<String>> createdSinceStart, String table, String idColumn) {
        if (createdSinceStart.isEmpty()) {
            clear("DELETE FROM " + table);
            return;
        }
        List<String> ids = List.copyOf(createdSinceStart.get());
        transaction.executeWithoutResult(status -> {
            // In slices: PostgreSQL takes at most 32767 parameters in one statement.
            for (int from = 0; from < ids.size(); from += DELETE_SLICE) {
                entityManager.createNativeQuery("DELETE FROM " + table + " WHERE " + idColumn + " IN (:ids)")
                             .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + DELETE_SLICE)))
                             .executeUpdate();
            }
        });
    }
}
