package dev.jangteo.benchmarks.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The query side's search and processor endpoints, and Elasticsearch's own counts, over one HTTP client. */
final class SearchApi implements AutoCloseable {

    private final HttpClient http = JsonHttp.newClient();
    private final String queryUrl;
    private final String elasticsearchUrl;
    private final String alias;
    private final Duration timeout;

    SearchApi(String queryUrl, String elasticsearchUrl, String indexPrefix, Duration timeout) {
        this.queryUrl = queryUrl;
        this.elasticsearchUrl = elasticsearchUrl;
        this.alias = indexPrefix + "messages";
        this.timeout = timeout;
    }

    HttpRequest searchRequest(String userId, String q) {
        return HttpRequest.newBuilder(URI.create(queryUrl + "/api/messages/search?limit=20&userId=" + userId + "&q="
                                                         + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                          .header("Authorization", BenchTokens.bearer(BenchTokens.client(userId)))
                          .timeout(timeout).GET().build();
    }

    /** HTTP status, or -1 when the request failed. */
    int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void replay(String processor) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(
                queryUrl + "/api/admin/processors/" + processor + "/replay"))
                .header("Authorization", BenchTokens.bearer(BenchTokens.admin()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 202) {
            throw new BenchException("replay of " + processor + " answered " + response.statusCode() + ": "
                                             + response.body());
        }
    }

    /** Whether every segment has caught up with the event stream and none is replaying. */
    boolean caughtUp(String processor) {
        JsonNode status = read(call(HttpRequest.newBuilder(URI.create(
                queryUrl + "/api/admin/processors/" + processor)).GET()).body());
        JsonNode segments = status.path("segments");
        if (segments.isEmpty() || status.path("replaying").asBoolean()) {
            return false;
        }
        for (JsonNode segment : segments) {
            if (!segment.path("caughtUp").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** The indices behind the read alias. */
    List<String> liveIndices() {
        JsonNode aliases = read(call(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/_alias/" + alias))
                                                .GET()).body());
        List<String> indices = new ArrayList<>();
        aliases.fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    long count(String index) {
        return read(call(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + index + "/_count")).GET())
                            .body()).path("count").asLong(-1);
    }

    long writeIndexCount() {
        return count(alias + "-write");
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return JsonHttp.JSON.readTree(body);
        } catch (IOException e) {
            throw new BenchException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
