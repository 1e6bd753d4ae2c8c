package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;
import dev.jangteo.testkit.Problems;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests as a hostile or careless client sends them: any method, raw bytes, any headers (Idempotency-Key,
 * X-Forwarded-For, Accept...), chunked bodies; and the answer with its headers, for the hardening tests.
 */
final class Wire {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
                                                       .version(HttpClient.Version.HTTP_1_1)
                                                       .connectTimeout(Duration.ofSeconds(5))
                                                       .build();

    record Reply(int status, HttpResponseHeaders headers, String raw) {

        String contentType() {
            return headers.first("Content-Type");
        }

        JsonNode json() {
            try {
                return raw == null || raw.isBlank() ? JsonHttp.JSON.nullNode() : JsonHttp.JSON.readTree(raw);
            } catch (IOException e) {
                return JsonHttp.JSON.nullNode();
            }
        }

        String code() {
            return json().path("code").asText(null);
        }

        /** problem+json with a code, whose type is the code's page (none for a bare status, {@code HTTP_417}). */
        boolean isProblem() {
            if (contentType() == null || !contentType().startsWith("application/problem+json") || code() == null) {
                return false;
            }
            String type = json().path("type").asText();
            return type.equals(Problems.typeOf(code())) || code().startsWith("HTTP_") && type.equals("about:blank");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (raw == null ? "" : raw.substring(0, Math.min(300, raw.length())));
        }
    }

    /** Response headers by lower-case name, the first value of each. */
    record HttpResponseHeaders(Map<String, String> byName) {

        String first(String name) {
            return byName.get(name.toLowerCase(Locale.ROOT));
        }

        static HttpResponseHeaders of(java.net.http.HttpHeaders headers) {
            Map<String, String> byName = new LinkedHashMap<>();
            headers.map().forEach((name, values) -> byName.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            return new HttpResponseHeaders(byName);
        }
    }

    /** A request under construction. */
    static final class Call {

        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean chunked;

        private Call(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(String json) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Call json(Object value) {
            try {
                return json(JsonHttp.JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Call bytes(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = bytes;
            return this;
        }

        /** Sent without Content-Length, in chunks. */
        Call chunked() {
            chunked = true;
            return this;
        }

        /** Goes with exactly this bearer token (null: none) instead of the acting user's (see {@link DefaultTokens}). */
        Call token(String token) {
            headers.put("Authorization", token == null ? "" : "Bearer " + token);
            return this;
        }

        private JsonNode parsedBody() {
            try {
                return body == null ? null : JsonHttp.JSON.readTree(body);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        Reply send() {
            HttpRequest.BodyPublisher publisher;
            if (body == null) {
                publisher = HttpRequest.BodyPublishers.noBody();
            } else if (chunked) {
                byte[] bytes = body;
                publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            } else {
                publisher = HttpRequest.BodyPublishers.ofByteArray(body);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                                     .method(method, publisher);
            headers.forEach((name, value) -> {
                if (!value.isEmpty()) {
                    request.header(name, value);
                }
            });
            if (!headers.containsKey("Authorization")) {
                String token = DefaultTokens.tokenFor(method, uri, parsedBody());
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
            }
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), HttpResponseHeaders.of(response.headers()), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Wire() {
    }

    static Call request(String method, URI uri) {
        return new Call(method, uri);
    }

    static Call post(URI uri) {
        return new Call("POST", uri);
    }

    /**
     * Bytes straight onto a socket, for what Java's HTTP client refuses to send: a broken percent escape in the
     * path, a header value outside ASCII. {@code head} is the request line and headers without the blank line;
     * the connection is closed after the answer.
     */
    static Reply raw(URI app, String head, byte[] body) {
        try (Socket socket = new Socket(app.getHost(), app.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: " + app.getHost() + ":" + app.getPort() + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                    lines[i].substring(colon + 1).trim());
            }
            String content = response.substring(split + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                content = dechunk(content);
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), new HttpResponseHeaders(headers), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }
}
