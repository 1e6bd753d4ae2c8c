package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An app's metrics as Prometheus scrapes them: {@code /actuator/prometheus} without a token. */
final class Prometheus {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Prometheus() {
    }

    static String scrape(URI app) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(app.resolve("/actuator/prometheus"))
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
