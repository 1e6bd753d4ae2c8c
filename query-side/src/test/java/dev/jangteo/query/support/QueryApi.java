package dev.jangteo.query.support;

import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The query side's API as its tests call it, over the test kit's {@link JsonHttp}. Each request carries a bearer
 * token: a user's own CLIENT token where the path names the user ({@code /api/accounts/{userId}},
 * {@code /api/users/{userId}/...}), else the token of the user given to {@link #as}, else one with every role
 * (operators, auditors, analysts).
 */
public final class QueryApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient TEXT = JsonHttp.newClient();

    private static final String OPERATOR = "query-it";
    private static final String[] EVERY_ROLE = {"CLIENT", "ANALYST", "AUDITOR", "ADMIN"};

    private static final String NO_TOKEN = "";

    private final URI base;
    private final String user;
    private final String token;

    QueryApi(URI base) {
        this(base, null, null);
    }

    private QueryApi(URI base, String user, String token) {
        this.base = base;
        this.user = user;
        this.token = token;
    }

    /** The same client acting as {@code userId} (a CLIENT), for reads of what that user owns (an order). */
    public QueryApi as(String userId) {
        return new QueryApi(base, userId, null);
    }

    /** The same client with a token of {@code subject} holding exactly {@code roles}. */
    public QueryApi withRoles(String subject, String... roles) {
        return new QueryApi(base, null, TestTokens.of(subject, roles));
    }

    /** The same client without a token, as a load balancer calls. */
    public QueryApi anonymous() {
        return new QueryApi(base, null, NO_TOKEN);
    }

    /** The same client sending {@code token} as it is, as Prometheus sends its scrape token. */
    public QueryApi bearer(String token) {
        return new QueryApi(base, null, token);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A read that waits for the projections to reach {@code position}, as a client holding a command's token. */
    public Answer get(String path, long position) {
        return get(path, "X-Consistency-Token", Long.toString(position));
    }

    public Answer post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Answer get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(header, value).GET());
    }

    /** The body as text, asking for {@code accept} (an NDJSON export, for one). */
    public String text(String path, String accept) {
        try {
            HttpResponse<String> response = TEXT.send(authorized(HttpRequest.newBuilder(base.resolve(path)))
                                                              .header("Accept", accept)
                                                              .timeout(TIMEOUT)
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
        String token = namesUser ? TestTokens.of(parts[3], "CLIENT")
                : user != null ? TestTokens.of(user, "CLIENT")
                : TestTokens.of(OPERATOR, EVERY_ROLE);
        return request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        return JsonHttp.send(authorized(request).timeout(TIMEOUT).build());
    }
}
