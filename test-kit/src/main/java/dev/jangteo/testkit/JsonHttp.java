package dev.jangteo.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP with the JDK client, the way the tests and the benchmarks talk to the apps: one client setup, one
 * {@link ObjectMapper}, and an exchange read into an {@link Answer}. Failures come out unchecked, so that a test's
 * request is one line; a caller with its own failure type (the benchmarks') catches {@link UncheckedIOException}.
 */
public final class JsonHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient SHARED = newClient();

    private JsonHttp() {
    }

    /**
     * A client as the apps' callers use one: HTTP/1.1, so the JDK client does not offer every new plain-HTTP connection
     * an h2c upgrade, and a 5-second connect timeout, so an app that is down fails a request at once.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                         .version(HttpClient.Version.HTTP_1_1)
                         .connectTimeout(Duration.ofSeconds(5))
                         .build();
    }

    /** Sends {@code request} over a client this JVM shares; the request carries its own timeout. */
    public static Answer send(HttpRequest request) {
        return send(SHARED, request);
    }

    /**
     * Sends {@code request} over {@code client} and reads the answer's body as JSON.
     *
     * @throws UncheckedIOException when the app cannot be reached, the request times out, the body is not JSON, or the
     *                              thread is interrupted while waiting (an {@link InterruptedIOException}, with the
     *                              thread's interrupt flag set again)
     */
    public static Answer send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), parse(response.body()), response.uri());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(
                    "interrupted waiting for " + request.method() + " " + request.uri());
            interrupted.initCause(e);
            throw new UncheckedIOException(interrupted);
        }
    }

    /** {@code body} as JSON text; a string is taken to be JSON already, so that tests can send malformed bodies. */
    public static String json(Object body) {
        if (body instanceof String json) {
            return json;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as JSON: a null node when blank. */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
