package dev.jangteo.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in an exception's causes or a batch's next
 * exceptions. Axon's default resolver looks for SQLIntegrityConstraintViolationException, which the PostgreSQL
 * driver never throws, so without this a lost optimistic-concurrency race would surface as a generic store error
 * instead of a retryable ConcurrencyException.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && anyUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
