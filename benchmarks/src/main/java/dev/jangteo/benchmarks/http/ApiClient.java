package dev.jangteo.benchmarks.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The coupon API of both apps over one shared JDK {@link HttpClient} (HTTP/1.1). Issue requests
 * never throw: a timeout or I/O failure comes back as an {@link IssueResult} error.
 */
public final class ApiClient implements AutoCloseable {

    private static final String JSON = "application/json";

    private final HttpClient http = JsonHttp.newClient();
    private final String commandUrl;
    private final String queryUrl;
    private final Duration requestTimeout;

    public ApiClient(String commandUrl, String queryUrl, Duration requestTimeout) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.requestTimeout = requestTimeout;
    }

    public String commandUrl() {
        return commandUrl;
    }

    public String queryUrl() {
        return queryUrl;
    }

    /** Defines a FIXED-discount coupon valid from now on and returns its id. */
    public String defineCoupon(String name, long totalQuantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("discountType", "FIXED");
        body.put("discountValue", 1000);
        body.put("totalQuantity", totalQuantity);
        HttpRequest request = post(commandUrl + "/api/coupons", body, BenchTokens.admin());
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException("defining a coupon failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while defining a coupon", e);
        }
        if (response.statusCode() != 201) {
            throw new BenchException("defining a coupon answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return read(response.body())
                .map(node -> node.path("couponId").asText(""))
                .filter(id -> !id.isEmpty())
                .orElseThrow(() -> new BenchException("no couponId in " + abbreviate(response.body())));
    }

    /** Builds an issue request up front, so that a scenario can time only its sending. */
    public HttpRequest issueRequest(String couponId, String userId) {
        return post(commandUrl + "/api/coupons/" + couponId + "/issues", Map.of("userId", userId),
                    BenchTokens.client(userId));
    }

    public IssueResult issue(String couponId, String userId) {
        return send(issueRequest(couponId, userId));
    }

    /** An issue for a user whose token was signed beforehand ({@link ClientPool}). */
    public IssueResult issue(String couponId, ClientPool.Client client) {
        return send(post(commandUrl + "/api/coupons/" + couponId + "/issues", Map.of("userId", client.userId()),
                         client.token()));
    }

    public IssueResult send(HttpRequest issueRequest) {
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(issueRequest, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return IssueResult.failed(describe(e), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IssueResult.failed("interrupted", System.nanoTime() - start);
        }
        long nanos = System.nanoTime() - start;
        Optional<JsonNode> body = read(response.body());
        if (response.statusCode() == 201) {
            long sequence = body.map(node -> node.path("sequence").asLong(-1)).orElse(-1L);
            return new IssueResult(201, null, sequence, nanos, null);
        }
        String code = body.map(ApiClient::problemCode).orElse(null);
        return new IssueResult(response.statusCode(), code, -1, nanos, null);
    }

    /** The query side's view of a coupon, or empty when it is not (yet) there or unreachable. */
    public Optional<CouponView> coupon(String couponId) {
        return getJson(queryUrl + "/api/coupons/" + couponId, BenchTokens.analyst())
                .filter(node -> node.has("issued"))
                .map(node -> new CouponView(
                        node.path("issued").asLong(),
                        node.path("remaining").asLong(-1),
                        node.path("totalQuantity").asLong(-1)));
    }

    /** Heap in use by the app at {@code baseUrl}, from actuator metrics, else from the Prometheus scrape. */
    public Optional<HeapReading> heapUsed(String baseUrl) {
        Optional<HeapReading> fromMetrics = getJson(baseUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap")
                .flatMap(node -> {
                    for (JsonNode measurement : node.path("measurements")) {
                        if ("VALUE".equals(measurement.path("statistic").asText())) {
                            return Optional.of(new HeapReading(
                                    (long) measurement.path("value").asDouble(), "actuator/metrics"));
                        }
                    }
                    return Optional.empty();
                });
        if (fromMetrics.isPresent()) {
            return fromMetrics;
        }
        return getText(baseUrl + "/actuator/prometheus", BenchTokens.admin())
                .flatMap(PrometheusText::heapUsedBytes)
                .map(bytes -> new HeapReading(bytes, "actuator/prometheus"));
    }

    /** Whether anything answers HTTP at {@code baseUrl} (any status counts). */
    public boolean reachable(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpRequest post(String url, Map<String, ?> body, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Content-Type", JSON)
                .header("Accept", JSON + ", application/problem+json")
                .header("Authorization", BenchTokens.bearer(token))
                .POST(HttpRequest.BodyPublishers.ofString(JsonHttp.json(body)))
                .build();
    }

    private Optional<JsonNode> getJson(String url) {
        return getText(url, null).flatMap(this::read);
    }

    private Optional<JsonNode> getJson(String url, String token) {
        return getText(url, token).flatMap(this::read);
    }

    private Optional<String> getText(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", "application/json, text/plain;q=0.9")
                .GET();
        if (token != null) {
            builder.header("Authorization", BenchTokens.bearer(token));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<JsonNode> read(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonHttp.JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The problem's {@code code}: a top-level member, or nested under {@code properties}. */
    private static String problemCode(JsonNode problem) {
        String code = problem.path("code").asText("");
        if (code.isEmpty()) {
            code = problem.path("properties").path("code").asText("");
        }
        return code.isEmpty() ? null : code;
    }

    private static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect-timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectException) {
            return "connect";
        }
        return "io";
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
