package dev.jangteo.query.readmodel;

import jakarta.persistence.EntityManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** Runs the given SQL statements (native, schema-qualified) in one transaction of their own. */
    protected void clear(String... statements) {
        transaction.executeWithoutResult(status -> {
            for (String statement : statements) {
                entityManager.createNativeQuery(statement).executeUpdate();
            }
        });
    }
}
