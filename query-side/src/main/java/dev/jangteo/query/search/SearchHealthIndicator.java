package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Elasticsearch as seen from the query side, under {@code /actuator/health} ("search"). Not part of readiness:
 * without Elasticsearch only search answers 503, everything else keeps working.
 */
@Component("searchHealthIndicator")
class SearchHealthIndicator implements HealthIndicator {

    private final ElasticsearchClient client;
    private final MessageIndex index;

    SearchHealthIndicator(ElasticsearchClient client, MessageIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public Health health() {
        try {
            HealthResponse health = client.cluster().health();
            return Health.up().withDetail("cluster", health.status().jsonValue())
                         .withDetail("alias", index.readAlias()).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.toString()).build();
        }
    }
}
