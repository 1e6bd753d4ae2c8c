package dev.jangteo.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;

import java.time.Duration;

/**
 * The tracking-token table both apps keep in their own schema ({@code <schema>.token_entry}, snake_case columns, made
 * by each app's Flyway migration): the query side for its projections, the command side for its sagas.
 */
public final class TokenTables {

    private TokenTables() {
    }

    public static TokenStore tokenStore(String schema, ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connectionProvider)
                             .serializer(serializer)
                             .claimTimeout(Duration.ofSeconds(10))
                             .schema(TokenSchema.builder()
                                                .setTokenTable(schema + ".token_entry")
                                                .setProcessorNameColumn("processor_name")
                                                .setSegmentColumn("segment")
                                                .setTokenColumn("token")
                                                .setTokenTypeColumn("token_type")
                                                .setTimestampColumn("time_stamp")
                                                .setOwnerColumn("owner")
                                                .build())
                             .build();
    }
}
