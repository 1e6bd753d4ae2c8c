package dev.jangteo.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real JDK HTTP server on a free port of the loopback interface. */
class JsonHttpTest {

    /** What the server saw of a request: protocol, method, path, one header and the body. */
    private record Seen(String protocol, String method, String path, String authorization, String body) {
    }

    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/orders", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("X-Consistency", "CONSISTENT");
            respond(exchange, 202, "application/json", "{\"orderId\":\"o-1\",\"items\":[1,2]}");
        });
        server.createContext("/api/empty", exchange -> {
            record(exchange);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/api/missing", exchange -> {
            record(exchange);
            respond(exchange, 404, "application/problem+json",
                    "{\"type\":\"/problems/ORDER_NOT_FOUND\",\"status\":404,\"code\":\"ORDER_NOT_FOUND\"}");
        });
        server.createContext("/metrics", exchange -> {
            record(exchange);
            respond(exchange, 200, "text/plain", "jvm_memory_used_bytes 1.0");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsStatusHeadersJsonBodyAndTheUriAsked() {
        URI uri = uri("/api/orders");

        Answer answer = JsonHttp.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build());

        assertEquals(202, answer.status());
        assertEquals("application/json", answer.contentType());
        assertEquals("CONSISTENT", answer.header("X-Consistency"));
        assertEquals("CONSISTENT", answer.header("x-consistency"));
        assertNull(answer.header("Retry-After"));
        assertEquals("o-1", answer.body().path("orderId").asText());
        assertEquals(2, answer.body().path("items").size());
        assertEquals(uri, answer.uri());
        assertNull(answer.code());
    }

    @Test
    void sendsTheRequestOverHttp11AsGiven() throws InterruptedException {
        String body = JsonHttp.json(Map.of("userId", "alice", "items", List.of()));

        JsonHttp.send(HttpRequest.newBuilder(uri("/api/orders"))
                                 .header("Authorization", "Bearer t0k3n")
                                 .header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        Seen request = seen.poll(5, TimeUnit.SECONDS);
        assertEquals(new Seen("HTTP/1.1", "POST", "/api/orders", "Bearer t0k3n", body), request);
    }

    @Test
    void aProblemAnswerHasItsCode() {
        Answer answer = JsonHttp.send(HttpRequest.newBuilder(uri("/api/missing")).GET().build());

        assertEquals("ORDER_NOT_FOUND", answer.code());
        Problems.assertProblem(answer, 404, "ORDER_NOT_FOUND");
    }

    @Test
    void anEmptyBodyIsANullNode() {
        Answer answer = JsonHttp.send(HttpRequest.newBuilder(uri("/api/empty")).DELETE().build());

        assertEquals(204, answer.status());
        assertTrue(answer.body().isNull());
        assertNull(answer.code());
    }

    @Test
    void aBodyThatIsNotJsonFailsNamingTheRequestAndTheText() {
        URI uri = uri("/metrics");

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> JsonHttp.send(
                HttpRequest.newBuilder(uri).GET().build()));
        assertTrue(failure.getMessage().contains("jvm_memory_used_bytes"), failure.getMessage());
    }

    @Test
    void anAppThatIsDownFailsUnchecked() {
        URI uri = uri("/api/orders");
        server.stop(0);

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> JsonHttp.send(
                JsonHttp.newClient(), HttpRequest.newBuilder(uri).GET().build()));
        assertTrue(failure.getMessage().startsWith("GET " + uri), failure.getMessage());
    }

    @Test
    void anInterruptedWaitFailsUncheckedAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> JsonHttp.send(
                    HttpRequest.newBuilder(uri("/api/orders")).GET().build()));
            assertTrue(failure.getCause() instanceof InterruptedIOException, failure.toString());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aStringBodyIsSentAsItIs() {
        assertEquals("{\"userId\":", JsonHttp.json("{\"userId\":"));
        assertEquals("{\"amount\":5}", JsonHttp.json(Map.of("amount", 5)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void record(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getProtocol(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                          exchange.getRequestHeaders().getFirst("Authorization"),
                          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
