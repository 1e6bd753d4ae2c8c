package dev.jangteo.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The event store on PostgreSQL, for the command side to append to and the query side to track. Off under the
 * {@code axonserver} profile, where Axon Server is the store. Under the {@code remote-like} profile
 * ({@code jangteo.remote-like.enabled}) it is the {@link RemoteLikeEventStorageEngine} instead, which behaves
 * towards the apps as Axon Server does; it is meant for CI and has no place beside a real Axon Server.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    @ConditionalOnExpression("!${axon.axonserver.enabled:false} and !${jangteo.remote-like.enabled:false}")
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver) {
        return new PostgresEventStorageEngine(eventSerializer, serializer, configuration.upcasterChain(),
                                              connectionProvider, transactionManager, persistenceExceptionResolver);
    }

    @Bean
    @ConditionalOnExpression("!${axon.axonserver.enabled:false} and ${jangteo.remote-like.enabled:false}")
    public EventStorageEngine remoteLikeEventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                           Serializer serializer,
                                                           Configuration configuration,
                                                           DataSource dataSource,
                                                           ConnectionProvider connectionProvider,
                                                           TransactionManager transactionManager,
                                                           PersistenceExceptionResolver persistenceExceptionResolver) {
        RemoteStoreSchema.create(dataSource);
        return new RemoteLikeEventStorageEngine(eventSerializer, serializer, configuration.upcasterChain(),
                                                connectionProvider, transactionManager,
                                                persistenceExceptionResolver);
    }
}
