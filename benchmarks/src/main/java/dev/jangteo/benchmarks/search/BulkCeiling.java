package dev.jangteo.benchmarks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.measure.Fmt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The ceiling for the replay: one client bulk-indexing generated message documents (500 per request, external
 * versions, as the projection does) straight into a throw-away index with the live index's settings and mappings.
 */
final class BulkCeiling {

    private static final int BULK = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String elasticsearchUrl;
    private final String alias;
    private final String index;

    BulkCeiling(String elasticsearchUrl, String indexPrefix) {
        this.elasticsearchUrl = elasticsearchUrl;
        this.alias = indexPrefix + "messages";
        this.index = indexPrefix + "bench-ceiling-" + UUID.randomUUID().toString().substring(0, 8);
    }

    double docsPerSecond(long documents) {
        try {
            createLikeLiveIndex();
            Random random = new Random(7);
            long start = System.nanoTime();
            StringBuilder body = new StringBuilder();
            for (long i = 0; i < documents; i++) {
                String id = UUID.randomUUID().toString();
                body.append("{\"index\":{\"_id\":\"").append(id).append("\",\"version\":1,")
                    .append("\"version_type\":\"external\"}}\n")
                    .append(json.writeValueAsString(Map.of("messageId", id, "roomId", "ceiling", "groupId", "ceiling",
                                                           "senderId", "ceiling",
                                                           "text", Corpus.message(random, i),
                                                           "createdAt", Instant.now().toString())))
                    .append('\n');
                if ((i + 1) % BULK == 0 || i == documents - 1) {
                    send("POST", "/" + index + "/_bulk", body.toString(), "application/x-ndjson");
                    body.setLength(0);
                }
            }
            return Fmt.perSecond(documents, System.nanoTime() - start);
        } catch (IOException e) {
            throw new BenchException("ceiling run failed: " + e.getMessage(), e);
        } finally {
            try {
                send("DELETE", "/" + index, null, null);
            } catch (IOException e) {
                // a leftover throw-away index is harmless
            }
        }
    }

    private void createLikeLiveIndex() throws IOException {
        JsonNode live = json.readTree(send("GET", "/" + alias, null, null)).elements().next();
        ObjectNode definition = json.createObjectNode();
        ObjectNode settings = definition.putObject("settings");
        settings.put("number_of_shards", 1).put("number_of_replicas", 0);
        settings.set("analysis", live.path("settings").path("index").path("analysis"));
        definition.set("mappings", live.path("mappings"));
        send("PUT", "/" + index, json.writeValueAsString(definition), "application/json");
    }

    private String send(String method, String path, String body, String contentType) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                                                 .timeout(Duration.ofSeconds(60))
                                                 .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                                                              : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                                              + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
