package dev.jangteo.platform.web;

import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a store that is down, unreachable or not answering in time (answer 503, retry later) from a bug (answer
 * 500). A command that finds no handler is one of the former: through Axon Server it happens for a moment after a reconnect, before the command
 * side has subscribed its handlers again (seen when Axon Server came back after an outage).
 */
public final class DependencyFailures {

    private DependencyFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedByPool(sql))
                    || isAxonServerUnreachable(cause)
                    || cause instanceof NoHandlerForCommandException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP's stand-in for a connection it already closed (because the database dropped it) throws this without
     * an SQLState, for instance when a transaction is rolled back after the database went away mid-request.
     */
    private static boolean isClosedByPool(SQLException failure) {
        return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
    }

    /** Under the axonserver profile a command travels over gRPC; UNAVAILABLE means Axon Server cannot be reached. */
    private static boolean isAxonServerUnreachable(Throwable cause) {
        return cause.getClass().getName().equals("io.grpc.StatusRuntimeException")
                && String.valueOf(cause.getMessage()).startsWith("UNAVAILABLE");
    }

    /** SQLState class 08 is "connection exception"; 57P01..57P03 mean the server is shutting down or starting. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
