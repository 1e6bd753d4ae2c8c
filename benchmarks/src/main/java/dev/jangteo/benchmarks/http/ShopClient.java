package dev.jangteo.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The commerce endpoints the order benchmark uses: JSON in, status and JSON out; I/O failures as BenchException. */
public final class ShopClient implements AutoCloseable {

    private final HttpClient http = JsonHttp.newClient();
    private final String commandUrl;
    private final String queryUrl;
    private final Duration timeout;

    public ShopClient(String commandUrl, String queryUrl, Duration timeout) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.timeout = timeout;
    }

    /**
     * A command as the user it names ({@code userId} in the body, or in an {@code /api/accounts/{userId}} path),
     * catalog changes as an ADMIN.
     */
    public Answer command(String path, Map<String, ?> body) {
        Object userId = body.get("userId");
        String token;
        if (userId != null) {
            token = BenchTokens.client(userId.toString());
        } else if (path.startsWith("/api/accounts/")) {
            token = BenchTokens.client(path.split("/")[3]);
        } else {
            token = BenchTokens.admin();
        }
        return command(path, body, token);
    }

    /** A command with a token signed beforehand, so that signing stays out of a timed request. */
    public Answer command(String path, Map<String, ?> body, String token) {
        return send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                               .header("Content-Type", "application/json")
                               .header("Authorization", BenchTokens.bearer(token))
                               .POST(HttpRequest.BodyPublishers.ofString(JsonHttp.json(body))));
    }

    /** A query with {@code token} (see {@link BenchTokens}). */
    public Answer query(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                               .header("Authorization", BenchTokens.bearer(token)).GET());
    }

    /** Opens a wallet for a new buyer ({@code prefix} + a UUID) holding {@code funds} won; returns the user id. */
    public String fundedBuyer(String prefix, long funds) {
        String userId = prefix + UUID.randomUUID();
        openWallet(new ClientPool.Client(userId, BenchTokens.client(userId)), funds);
        return userId;
    }

    /** Opens {@code buyer}'s wallet and deposits {@code funds} won into it, with the buyer's own token. */
    public void openWallet(ClientPool.Client buyer, long funds) {
        String userId = buyer.userId();
        expect(201, command("/api/accounts", Map.of("userId", userId, "email", userId + "@bench.test",
                                                    "name", "Benchmark buyer"), buyer.token()), "opening the account");
        expect(200, command("/api/accounts/" + userId + "/deposits", Map.of("amount", funds), buyer.token()),
               "depositing");
    }

    /** Registers a product with {@code adminToken}; returns its id. */
    public String registerProduct(String name, String category, long price, long stock, String adminToken) {
        return expect(201, command("/api/products", Map.of("name", name, "category", category, "price", price,
                                                           "stock", stock), adminToken), "registering a product")
                .get("productId").asText();
    }

    /** A query side GET as an operator, whose body is not JSON (a Prometheus scrape); empty on any failure. */
    public String text(String path) {
        return text(queryUrl, path);
    }

    /** The same of the command side. */
    public String commandText(String path) {
        return text(commandUrl, path);
    }

    private String text(String baseUrl, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                                        .header("Authorization", BenchTokens.bearer(BenchTokens.admin())).GET().build(),
                             HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A query side GET timed by the caller, with {@code token}: its status and raw body, without parsing. */
    public HttpResponse<String> raw(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(queryUrl + path)).timeout(timeout)
                                    .header("Authorization", BenchTokens.bearer(token)).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    /** A setup step that must succeed with {@code status}; its body. */
    public JsonNode expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new BenchException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private Answer send(HttpRequest.Builder request) {
        return JsonExchange.send(http, request.timeout(timeout).build());
    }

    @Override
    public void close() {
        http.close();
    }
}
