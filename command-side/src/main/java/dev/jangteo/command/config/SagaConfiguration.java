package dev.jangteo.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.jangteo.platform.axon.TokenTables;
import dev.jangteo.platform.eventstore.EventTables;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the order sagas need, all in the command side's own schema: the saga store, the sagas' tracking tokens, and
 * deadlines that survive a restart (db-scheduler, through Axon's DbSchedulerDeadlineManager).
 * <p>
 * Commands go through an {@link AsynchronousCommandBus}. A saga handler dispatches its commands and returns; each
 * command then runs in its own unit of work and transaction. With the synchronous bus a command sent from a saga
 * joins the saga's transaction, and a refused command (an unknown product, say) marks that shared transaction
 * rollback-only, so the saga's whole batch would fail and be retried forever.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaConfiguration.DeadlineProperties.class)
public class SagaConfiguration {

    /** db-scheduler's settings: how often it looks for due deadlines, and how many it runs at once. */
    @ConfigurationProperties("jangteo.deadlines")
    public record DeadlineProperties(Duration pollingInterval, int threads) {

        public DeadlineProperties {
            pollingInterval = pollingInterval == null ? Duration.ofSeconds(1) : pollingInterval;
            threads = threads <= 0 ? 2 : threads;
        }
    }

    @Bean
    @Qualifier("localSegment")
    public CommandBus commandBus(TransactionManager transactionManager, Configuration axonConfiguration,
                                 DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        // Not a bean: an Executor bean would make Spring Boot back off its own task executor.
        ExecutorService commandExecutor =
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("command-", 0).factory());
        AsynchronousCommandBus commandBus =
                AsynchronousCommandBus.builder()
                                      .executor(commandExecutor)
                                      .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                                      .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                                      .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class,
                                                                                       "commandBus"))
                                      .build();
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        // The transaction as an interceptor, not the bus's own transactionManager: the bus opens that one before
        // it captures failures, so on the executor's thread a database that cannot be reached would escape to the
        // thread (and the caller would wait for an answer that never comes) instead of failing the command.
        commandBus.registerHandlerInterceptor(new TransactionManagingInterceptor<>(transactionManager));
        return commandBus;
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return TokenTables.tokenStore(EventTables.SCHEMA, connectionProvider, serializer);
    }

    /**
     * The JDBC saga store behind a cache of sagas and their associations: a saga handling its next event is read
     * from memory, not the database (writes still go through). Safe with several instances because a saga instance
     * belongs to one segment (by its id), which one instance owns at a time.
     */
    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer,
                                       @Value("${jangteo.sagas.cache-size:10000}") int cacheSize) {
        return CachingSagaStore.<Object>builder()
                               .delegateSagaStore(jdbcSagaStore(connectionProvider, serializer))
                               .sagaCache(new LruCache(cacheSize))
                               .associationsCache(new LruCache(cacheSize))
                               .build();
    }

    private static SagaStore<Object> jdbcSagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        SagaSchema schema = SagaSchema.builder()
                                      .sagaEntryTable(EventTables.SCHEMA + ".saga_entry")
                                      .associationValueEntryTable(EventTables.SCHEMA + ".association_value_entry")
                                      .sagaIdColumn("saga_id")
                                      .sagaTypeColumn("saga_type")
                                      .revisionColumn("revision")
                                      .serializedSagaColumn("serialized_saga")
                                      .associationKeyColumn("association_key")
                                      .associationValueColumn("association_value")
                                      .build();
        return JdbcSagaStore.builder()
                            .connectionProvider(connectionProvider)
                            .sqlSchema(new PostgresSagaSqlSchema(schema))
                            .serializer(serializer)
                            .build();
    }

    /**
     * db-scheduler writes through a transaction-aware DataSource, so a deadline scheduled or cancelled by a saga
     * commits (or rolls back) with the saga's own state. Its tasks (Axon's deadline task among them) are beans made
     * by Axon's AxonDbSchedulerAutoConfiguration.
     */
    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                        .tableName(EventTables.SCHEMA + ".scheduled_tasks")
                        .pollingInterval(properties.pollingInterval())
                        .threads(properties.threads())
                        .build();
    }

    @Bean
    public DeadlineManager deadlineManager(Scheduler scheduler, Configuration configuration, Serializer serializer,
                                           TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                                         .scheduler(scheduler)
                                         .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                                         .serializer(serializer)
                                         .transactionManager(transactionManager)
                                         .startScheduler(false)
                                         .stopScheduler(false)
                                         .build();
    }

    /** Starts the deadline scheduler once everything else runs, and stops it first on shutdown. */
    @Bean
    public SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 10;
            }
        };
    }
}
