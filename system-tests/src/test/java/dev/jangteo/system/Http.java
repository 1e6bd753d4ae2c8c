package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The system tests' requests to the apps, as one line each: JSON over the test kit's {@link JsonHttp}, with the
 * bearer token a test names, or else the one {@link DefaultTokens} picks.
 */
final class Http {

    private Http() {
    }

    // Without a token argument a request goes with the token of the user it acts for (see DefaultTokens).

    static Answer post(URI uri, String json) {
        return withActingUser("POST", uri, json, HttpRequest.BodyPublishers.ofString(json));
    }

    static Answer post(URI uri, Object body) {
        return post(uri, JsonHttp.json(body));
    }

    static Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), DefaultTokens.tokenFor("GET", uri, null));
    }

    static Answer put(URI uri, Object body) {
        String json = JsonHttp.json(body);
        return withActingUser("PUT", uri, json, HttpRequest.BodyPublishers.ofString(json));
    }

    static Answer delete(URI uri) {
        return send(HttpRequest.newBuilder(uri).DELETE(), DefaultTokens.tokenFor("DELETE", uri, null));
    }

    // With a token argument, exactly that token goes; null sends none.

    static Answer post(URI uri, String json, String token) {
        return send(HttpRequest.newBuilder(uri)
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    static Answer post(URI uri, Object body, String token) {
        return post(uri, JsonHttp.json(body), token);
    }

    static Answer get(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).GET(), token);
    }

    static Answer put(URI uri, Object body, String token) {
        return send(HttpRequest.newBuilder(uri)
                               .header("Content-Type", "application/json")
                               .PUT(HttpRequest.BodyPublishers.ofString(JsonHttp.json(body))), token);
    }

    static Answer delete(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).DELETE(), token);
    }

    /** Sends {@code request} with {@code token} as bearer token when not null. */
    static Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JsonHttp.send(request.timeout(Duration.ofSeconds(30)).build());
    }

    private static Answer withActingUser(String method, URI uri, String json, HttpRequest.BodyPublisher publisher) {
        JsonNode body = parseQuietly(json);
        Answer answer = send(HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/json")
                                        .method(method, publisher),
                             DefaultTokens.tokenFor(method, uri, body));
        DefaultTokens.accepted(uri, body, answer.status(), answer.body());
        return answer;
    }

    /** The body a test sends, when it is JSON at all: tests of bad input send what is not. */
    private static JsonNode parseQuietly(String json) {
        try {
            return JsonHttp.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
