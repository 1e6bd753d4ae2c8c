package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads Elasticsearch directly (the tests' own view of the index) and cleans up a stack's indices. */
final class Search {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Search() {
    }

    /** The documents behind the stack's read alias, by id, after a refresh. */
    static Map<String, JsonNode> documents(Stack stack) {
        String alias = stack.indexPrefix() + "messages";
        send("POST", alias + "/_refresh");
        JsonNode hits = send("GET", alias + "/_search?size=10000&version=true").path("hits").path("hits");
        Map<String, JsonNode> documents = new java.util.TreeMap<>();
        hits.forEach(hit -> documents.put(hit.get("_id").asText(), hit));
        return documents;
    }

    /** The indices behind the stack's read alias (one, except in the middle of a rebuild). */
    static List<String> indicesBehindReadAlias(Stack stack) {
        JsonNode aliases = send("GET", "_alias/" + stack.indexPrefix() + "messages");
        List<String> indices = new ArrayList<>();
        aliases.fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    /** The names of the indices whose names start with {@code prefix}. */
    static List<String> indices(String prefix) {
        List<String> names = new ArrayList<>();
        send("GET", "_cat/indices/" + prefix + "*?format=json&h=index")
                .forEach(index -> names.add(index.get("index").asText()));
        return names;
    }

    /** An empty index named {@code name}, with Elasticsearch's default settings. */
    static void createIndex(String name) {
        send("PUT", URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    static void deleteIndices(String prefix) {
        try {
            JsonNode indices = send("GET", "_cat/indices/" + prefix + "*?format=json&h=index");
            for (JsonNode index : indices) {
                send("DELETE", URLEncoder.encode(index.get("index").asText(), StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            // best effort: leftovers carry a unique prefix and harm no other run
        }
    }

    private static JsonNode send(String method, String path) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(Stack.elasticsearch() + "/" + path))
                               .method(method, HttpRequest.BodyPublishers.noBody())
                               .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return body == null || body.isBlank() ? JsonHttp.JSON.nullNode() : JsonHttp.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
