package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** An app's metrics as Prometheus scrapes them: {@code /actuator/prometheus} with the stack's scrape token. */
final class Prometheus {

    /** The scrape token every app of a {@link Stack} is started with (jangteo.metrics.scrape.token). */
    static final String TOKEN = "system-it-scrape-" + UUID.randomUUID();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Prometheus() {
    }

    static String tokenArgument() {
        return "--jangteo.metrics.scrape.token=" + TOKEN;
    }

    static String scrape(URI app) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(app.resolve("/actuator/prometheus"))
                                                                   .header("Authorization", "Bearer " + TOKEN)
                                                                   .timeout(Duration.ofSeconds(30)).build(),
                                                        HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(app + "/actuator/prometheus answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
