package dev.jangteo.benchmarks.http;

import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * One request whose answer is JSON (or empty), over the test kit's {@link JsonHttp}; a failure to reach the app is a
 * {@link BenchException}, which stops a scenario's setup with what went wrong.
 */
public final class JsonExchange {

    private JsonExchange() {
    }

    public static Answer send(HttpClient http, HttpRequest request) {
        try {
            return JsonHttp.send(http, request);
        } catch (UncheckedIOException e) {
            throw new BenchException("request failed: " + e.getMessage(), e);
        }
    }
}
