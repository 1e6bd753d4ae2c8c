package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * The samples of the named metrics only, one per line: what an assertion should hold, so that a failure prints
     * these lines and not a whole scrape (CI keeps only the tail of its output, and a scrape is hundreds of lines).
     */
    static String series(URI app, String... metrics) {
        Set<String> names = Set.of(metrics);
        return scrape(app).lines()
                          .filter(line -> !line.startsWith("#") && names.contains(line.split("[{ ]", 2)[0]))
                          .collect(Collectors.joining("\n"));
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
