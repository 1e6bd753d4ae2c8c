package dev.jangteo.command.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jangteo.platform.axon.AxonPlatformConfiguration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection Axon's JDBC components get inside a command's unit of work (as the transaction-managing interceptor
 * runs it) must be the transaction's own and closed once. A second close of a pooled Hikari connection, after the
 * pool has handed it to another thread, clears that thread's statement list: the {@code FastList}
 * {@code ArrayIndexOutOfBoundsException} seen on the event store's producer thread, and statements tracked in another
 * thread's connection. With Axon's {@code UnitOfWorkAwareConnectionProviderWrapper} around Spring's provider, every
 * unit of work closed its connection twice (1,600 of 1,600 here); with the provider we configure, none does.
 */
class UnitOfWorkConnectionsIT {

    private static final int THREADS = 8;
    private static final int UNITS_PER_THREAD = 200;

    private static HikariDataSource pool;
    private static final AtomicInteger closedAgain = new AtomicInteger();
    private static final AtomicInteger closes = new AtomicInteger();

    @BeforeAll
    static void pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getProperty("jangteo.it.database", "jdbc:postgresql://127.0.0.1:5432/jangteo"));
        config.setUsername("jangteo");
        config.setPassword("jangteo");
        config.setMaximumPoolSize(4);  // fewer connections than threads, so each is reused across threads at once
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void closesEachUnitOfWorksConnectionOnceUnderConcurrentCommands() throws Exception {
        CountingDataSource dataSource = new CountingDataSource(pool);
        ConnectionProvider connections = new AxonPlatformConfiguration().connectionProvider(dataSource);
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);

        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < UNITS_PER_THREAD; i++) {
                        runCommandLikeUnitOfWork(connections, transactions);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(closes.get()).as("connections closed").isEqualTo(THREADS * UNITS_PER_THREAD);
        assertThat(closedAgain.get()).as("connections closed a second time").isZero();
    }

    /** What an aggregate's command does: a transaction, two JDBC uses of the event store's provider, a commit. */
    private static void runCommandLikeUnitOfWork(ConnectionProvider connections, TransactionManager transactions)
            throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            for (int use = 0; use < 2; use++) {
                try (Connection connection = connections.getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT 1")) {
                    rows.next();
                }
            }
            unitOfWork.commit();
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    /** Hands out connections that count their closes, and every close after the first. */
    private static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(HikariDataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection pooled = super.getConnection();
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            (closed.getAndSet(true) ? closedAgain : closes).incrementAndGet();
                        }
                        try {
                            return method.invoke(pooled, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
