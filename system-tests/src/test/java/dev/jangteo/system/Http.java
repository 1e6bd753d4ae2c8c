package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the tests. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
                                                       .version(HttpClient.Version.HTTP_1_1)
                                                       .connectTimeout(Duration.ofSeconds(5))
                                                       .build();

    /** {@code uri}: what the request asked for, against which a problem's relative {@code type} resolves. */
    record Response(int status, String contentType, JsonNode body, URI uri) {

        String code() {
            return body.path("code").asText(null);
        }
    }

    private Http() {
    }

    // Without a token argument a request goes with the token of the user it acts for (see ActingUser).

    static Response post(URI uri, String json) {
        return withActingUser("POST", uri, json, HttpRequest.BodyPublishers.ofString(json));
    }

    static Response post(URI uri, Object body) {
        return post(uri, json(body));
    }

    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), ActingUser.tokenFor("GET", uri, null));
    }

    static Response put(URI uri, Object body) {
        String json = json(body);
        return withActingUser("PUT", uri, json, HttpRequest.BodyPublishers.ofString(json));
    }

    static Response delete(URI uri) {
        return send(HttpRequest.newBuilder(uri).DELETE(), ActingUser.tokenFor("DELETE", uri, null));
    }

    // With a token argument, exactly that token goes; null sends none.

    static Response post(URI uri, String json, String token) {
        return send(HttpRequest.newBuilder(uri)
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    static Response post(URI uri, Object body, String token) {
        return post(uri, json(body), token);
    }

    static Response get(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).GET(), token);
    }

    static Response put(URI uri, Object body, String token) {
        return send(HttpRequest.newBuilder(uri)
                               .header("Content-Type", "application/json")
                               .PUT(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    static Response delete(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).DELETE(), token);
    }

    /** Sends {@code request} with {@code token} as bearer token when not null. */
    static Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static Response withActingUser(String method, URI uri, String json,
                                           HttpRequest.BodyPublisher publisher) {
        JsonNode body = parseQuietly(json);
        Response response = send(HttpRequest.newBuilder(uri)
                                            .header("Content-Type", "application/json")
                                            .method(method, publisher),
                                 ActingUser.tokenFor(method, uri, body));
        ActingUser.accepted(uri, body, response);
        return response;
    }

    private static JsonNode parseQuietly(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static String json(Object body) {
        if (body instanceof String json) {
            return json;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                                                        HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(""),
                                body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body),
                                response.uri());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
