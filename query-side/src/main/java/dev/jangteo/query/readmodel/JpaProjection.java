package dev.jangteo.query.readmodel;

import dev.jangteo.platform.eventstore.EventTables;
import jakarta.persistence.EntityManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.OptionalLong;

/**
 * What every JPA projection does besides its handlers: find the row an event updates (a missing one is a fault that
 * sends the event to the dead-letter queue, never a row made up), and clear its own tables on reset. Handlers run in
 * the processor's transaction, which also stores the tracking token.
 */
public abstract class JpaProjection {

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
     * takes every value from the events, the last one winning: a whole replay empties the table; a replay of the
     * events after a position deletes only the rows of aggregates created after it (their creation will be
     * replayed), and the later events of older aggregates overwrite their rows with the same values again.
     */
    protected void clearRowsPerAggregate(OptionalLong partialFrom, String table, String idColumn,
                                         String aggregateType) {
        if (partialFrom.isEmpty()) {
            clear("DELETE FROM " + table);
            return;
        }
        transaction.executeWithoutResult(status -> entityManager.createNativeQuery(
                        "DELETE FROM " + table + " WHERE " + idColumn + " IN (SELECT aggregate_identifier FROM "
                                + EventTables.EVENTS + " WHERE global_index > ?1 AND sequence_number = 0"
                                + " AND type = ?2)")
                .setParameter(1, partialFrom.getAsLong())
                .setParameter(2, aggregateType)
                .executeUpdate());
    }
}
