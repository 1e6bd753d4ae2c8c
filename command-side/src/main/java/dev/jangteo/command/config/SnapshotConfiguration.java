package dev.jangteo.command.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The snapshotter, which writes snapshots on a thread of its own so that a command never waits for one. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        // Not a bean: an Executor bean would make Spring Boot back off its own task executor.
        ExecutorService snapshotExecutor =
                Executors.newSingleThreadExecutor(Thread.ofPlatform().name("snapshotter").daemon().factory());
        return SpringAggregateSnapshotter.builder()
                                         .repositoryProvider(configuration::repository)
                                         .transactionManager(transactionManager)
                                         .eventStore(eventStore)
                                         .parameterResolverFactory(parameterResolverFactory)
                                         .handlerDefinition(handlerDefinition)
                                         .spanFactory(spanFactory)
                                         .executor(snapshotExecutor)
                                         .build();
    }
}
