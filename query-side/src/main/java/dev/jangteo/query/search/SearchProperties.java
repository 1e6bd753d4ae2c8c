package dev.jangteo.query.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param url                 Elasticsearch's HTTP address
 * @param indexPrefix         put before every index and alias name, so that test runs and apps sharing one
 *                            Elasticsearch never meet
 * @param connectTimeout      to open a connection to Elasticsearch
 * @param socketTimeout       to wait for an answer
 * @param switchCheckInterval how often a rebuild is checked for having caught up, and the index for having been
 *                            lost (then a rebuild starts)
 */
@ConfigurationProperties("jangteo.search")
public record SearchProperties(String url, String indexPrefix, Duration connectTimeout, Duration socketTimeout,
                               Duration switchCheckInterval) {

    public SearchProperties {
        indexPrefix = indexPrefix == null ? "" : indexPrefix;
    }
}
