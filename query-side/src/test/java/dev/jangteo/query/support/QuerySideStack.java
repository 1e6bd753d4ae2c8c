package dev.jangteo.query.support;

import dev.jangteo.query.QuerySideApplication;
import dev.jangteo.testkit.Jwt;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;

/**
 * The query side on a fresh database of its own ({@link TestDatabase}), listening on a random port; tests append
 * events ({@link #history}) and read the answers over HTTP ({@link #http}).
 */
@ExtendWith(TestDatabase.class)
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
public abstract class QuerySideStack {

    /** What Prometheus scrapes {@code /actuator/prometheus} with (jangteo.metrics.scrape.token). */
    protected static final String SCRAPE_TOKEN = "query-it-scrape-token-0123456789";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    protected JdbcClient jdbc;
    @LocalServerPort
    private int port;

    protected EventStoreWriter history;
    protected QueryApi http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        registry.add("jangteo.redis.key-prefix", TestDatabase::keyPrefix);
        registry.add("jangteo.search.index-prefix", TestDatabase::indexPrefix);
        registry.add(Jwt.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
        registry.add(Jwt.ISSUER_PROPERTY, TestTokens::issuer);
        registry.add(Jwt.AUDIENCE_PROPERTY, TestTokens::audience);
        registry.add("jangteo.metrics.scrape.token", () -> SCRAPE_TOKEN);
    }

    /** What an operator does to rebuild a read model: stop the group, reset its tokens (clearing it), start it. */
    protected void replay(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                                                      .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    @BeforeEach
    void connect() {
        history = new EventStoreWriter(eventStore, jdbc);
        http = new QueryApi(URI.create("http://127.0.0.1:" + port));
    }
}
