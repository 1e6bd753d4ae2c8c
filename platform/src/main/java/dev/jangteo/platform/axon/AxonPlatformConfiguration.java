package dev.jangteo.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Axon wiring that its Spring Boot auto-configuration gets wrong under Spring Boot 4: its JDBC and transaction
 * auto-configurations are ordered against Boot 3 class names, so they see no DataSource and fall back to a no-op
 * transaction manager. Declared here, user configuration wins before any auto-configuration runs.
 */
@Configuration(proxyBeanMethods = false)
public class AxonPlatformConfiguration {

    /** Axon 4 serializes with Jackson 2 (Spring Boot 4's own Jackson is 3): events, messages, tokens and sagas. */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Connections for Axon's JDBC components, bound to the Spring transaction of the unit of work when there is one.
     * Not wrapped in Axon's {@code UnitOfWorkAwareConnectionProviderWrapper}: inside a Spring transaction that wrapper
     * closes the transaction's connection a second time when the unit of work cleans up, after Spring has already
     * handed it back to the pool. A second close of a Hikari proxy clears its pool entry's statement list, which by
     * then belongs to the next borrower on another thread (Hikari's {@code FastList} is not thread-safe):
     * {@code ArrayIndexOutOfBoundsException} in {@code untrackStatement} and, worse, one thread's statements tracked
     * in another's connection. Spring's own binding already gives one connection per transaction.
     * {@code UnitOfWorkConnectionsIT} counts those second closes.
     */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    public CorrelationDataProvider auditMetadata() {
        return new AuditMetadata();
    }
}
