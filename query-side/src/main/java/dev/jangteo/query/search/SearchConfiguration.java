package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 Java client. Its JSON mapper is Jackson 2 (the client's own); Spring Boot's Jackson 3 is
 * for the web layer. Short timeouts: a search waits for nothing when Elasticsearch is gone, and the projection's
 * retry with back-off does the waiting instead.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final int MAX_CONNECTIONS = 64;

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(SearchProperties properties) {
        return RestClient.builder(HttpHost.create(properties.url()))
                         .setRequestConfigCallback(config -> config
                                 .setConnectTimeout((int) properties.connectTimeout().toMillis())
                                 .setSocketTimeout((int) properties.socketTimeout().toMillis()))
                         // The client's default of 10 connections would queue concurrent searches in the app.
                         .setHttpClientConfigCallback(client -> client.setMaxConnPerRoute(MAX_CONNECTIONS)
                                                                      .setMaxConnTotal(MAX_CONNECTIONS))
                         .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                                              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(json)));
    }
}
