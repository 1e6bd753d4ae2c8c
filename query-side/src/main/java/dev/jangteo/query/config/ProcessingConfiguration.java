package dev.jangteo.query.config;

import dev.jangteo.platform.axon.TokenTables;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Where the projections keep their place: tracking tokens and dead letters in this side's own schema. They read
 * the command side's event table (platform's EventStoreConfiguration) or, under the {@code axonserver} profile,
 * Axon Server.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    static final String SCHEMA = "query_side";

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return TokenTables.tokenStore(SCHEMA, connectionProvider, serializer);
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                               .deadLetterTable(SCHEMA + ".dead_letter_entry")
                               .deadLetterIdentifierColumn("dead_letter_identifier")
                               .processingGroupColumn("processing_group")
                               .sequenceIdentifierColumn("sequence_identifier")
                               .sequenceIndexColumn("sequence_index")
                               .messageTypeColumn("message_type")
                               .eventIdentifierColumn("event_identifier")
                               .timestampColumn("time_stamp")
                               .payloadTypeColumn("payload_type")
                               .payloadRevisionColumn("payload_revision")
                               .payloadColumn("payload")
                               .metaDataColumn("meta_data")
                               .aggregateTypeColumn("aggregate_type")
                               .aggregateIdentifierColumn("aggregate_identifier")
                               .sequenceNumberColumn("sequence_number")
                               .tokenTypeColumn("token_type")
                               .tokenColumn("token")
                               .enqueuedAtColumn("enqueued_at")
                               .lastTouchedColumn("last_touched")
                               .processingStartedColumn("processing_started")
                               .causeTypeColumn("cause_type")
                               .causeMessageColumn("cause_message")
                               .diagnosticsColumn("diagnostics")
                               .build();
    }

    /** A dead-letter queue per processing group that enables one in its properties ({@code dlq.enabled}). */
    @Bean
    public DeadLetterQueueProviderConfigurerModule deadLetterQueueProvider(
            EventProcessorProperties processorProperties,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            DeadLetterSchema deadLetterSchema,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer serializer) {
        return new DeadLetterQueueProviderConfigurerModule(
                processorProperties,
                group -> configuration -> JdbcSequencedDeadLetterQueue.builder()
                                                                      .processingGroup(group)
                                                                      .connectionProvider(connectionProvider)
                                                                      .transactionManager(transactionManager)
                                                                      .schema(deadLetterSchema)
                                                                      .genericSerializer(serializer)
                                                                      .eventSerializer(eventSerializer)
                                                                      .build());
    }
}
