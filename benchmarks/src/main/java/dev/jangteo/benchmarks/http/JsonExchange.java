package dev.jangteo.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One request whose answer is JSON (or empty); a failure to reach the app is a {@link BenchException}. */
public final class JsonExchange {

    private JsonExchange() {
    }

    public static ShopClient.Answer send(HttpClient http, ObjectMapper json, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new ShopClient.Answer(response.statusCode(), body == null || body.isBlank()
                    ? json.missingNode() : json.readTree(body));
        } catch (IOException e) {
            throw new BenchException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }
}
