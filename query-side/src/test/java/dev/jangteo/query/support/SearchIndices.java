package dev.jangteo.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Removes the Elasticsearch indices a test class left under its index prefix (by name: wildcards may not delete). */
final class SearchIndices {

    private static final String URL = System.getProperty("jangteo.it.elasticsearch", "http://127.0.0.1:9200");

    private SearchIndices() {
    }

    static void delete(String prefix) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String names = client.send(HttpRequest.newBuilder(URI.create(URL + "/_cat/indices/" + prefix
                                                                                 + "*?h=index")).build(),
                                       HttpResponse.BodyHandlers.ofString()).body();
            List<String> indices = names.lines().map(String::strip).filter(name -> !name.isEmpty()).toList();
            if (!indices.isEmpty()) {
                client.send(HttpRequest.newBuilder(URI.create(URL + "/" + String.join(",", indices))).DELETE()
                                       .build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
