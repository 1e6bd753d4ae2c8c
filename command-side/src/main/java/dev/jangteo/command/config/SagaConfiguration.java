package dev.jangteo.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.jangteo.platform.axon.TokenTables;
import dev.jangteo.platform.eventstore.EventTables;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * What the order sagas need, all in the command side's own schema: the saga store, the sagas' tracking tokens, and
 * deadlines that survive a restart (db-scheduler, through Axon's DbSchedulerDeadlineManager).
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
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return TokenTables.tokenStore(EventTables.SCHEMA, connectionProvider, serializer);
    }

    /**
     * The JDBC saga store behind a cache of sagas and their associations: a saga handling its next event is read
     * from memory, not the database (writes still go through), and nothing a rolled-back unit of work wrote stays
     * cached ({@link CommittedSagaCache}). Safe with several instances because each saga processor has one segment,
     * which one instance owns at a time.
     */
    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer,
                                       @Value("${jangteo.sagas.cache-size:10000}") int cacheSize) {
        return new CommittedSagaCache(jdbcSagaStore(connectionProvider, serializer), cacheSize);
    }

    static SagaStore<Object> jdbcSagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
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
