package dev.jangteo.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A small JSON-over-HTTP client for the tests. Each request carries a bearer token: a user's own CLIENT token where
 * the path names the user ({@code /api/accounts/{userId}}, {@code /api/users/{userId}/...}), else the token of the
 * user given to {@link #as}, else one with every role (operators, auditors, analysts).
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
                                                       .version(HttpClient.Version.HTTP_1_1)
                                                       .connectTimeout(Duration.ofSeconds(5))
                                                       .build();

    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String contentType() {
            return header("Content-Type");
        }

        public String code() {
            return body.path("code").asText(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final String OPERATOR = "query-it";
    private static final List<String> EVERY_ROLE = List.of("CLIENT", "ANALYST", "AUDITOR", "ADMIN");

    private static final String NO_TOKEN = "";

    private final URI base;
    private final String user;
    private final String token;

    Http(URI base) {
        this(base, null, null);
    }

    private Http(URI base, String user, String token) {
        this.base = base;
        this.user = user;
        this.token = token;
    }

    /** The same client acting as {@code userId} (a CLIENT), for reads of what that user owns (an order). */
    public Http as(String userId) {
        return new Http(base, userId, null);
    }

    /** The same client with a token of {@code subject} holding exactly {@code roles}. */
    public Http withRoles(String subject, String... roles) {
        return new Http(base, null, TestTokens.of(subject, List.of(roles)));
    }

    /** The same client without a token, as a load balancer calls. */
    public Http anonymous() {
        return new Http(base, null, NO_TOKEN);
    }

    /** The same client sending {@code token} as it is, as Prometheus sends its scrape token. */
    public Http bearer(String token) {
        return new Http(base, null, token);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A read that waits for the projections to reach {@code position}, as a client holding a command's token. */
    public Response get(String path, long position) {
        return get(path, "X-Consistency-Token", Long.toString(position));
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Response get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(header, value).GET());
    }

    /** The body as text, asking for {@code accept} (an NDJSON export, for one). */
    public String text(String path, String accept) {
        try {
            HttpResponse<String> response = CLIENT.send(authorized(HttpRequest.newBuilder(base.resolve(path)))
                                                                   .header("Accept", accept)
                                                                   .timeout(Duration.ofSeconds(30))
                                                                   .GET()
                                                                   .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (token != null) {
            return token.equals(NO_TOKEN) ? request : request.header("Authorization", "Bearer " + token);
        }
        String[] parts = request.build().uri().getPath().split("/");
        boolean namesUser = parts.length > 3 && (parts[2].equals("accounts") || parts[2].equals("users"));
        String token = namesUser ? TestTokens.of(parts[3], List.of("CLIENT"))
                : user != null ? TestTokens.of(user, List.of("CLIENT"))
                : TestTokens.of(OPERATOR, EVERY_ROLE);
        return request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(authorized(request).timeout(Duration.ofSeconds(30)).build(),
                                                        HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response.headers(),
                                body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
