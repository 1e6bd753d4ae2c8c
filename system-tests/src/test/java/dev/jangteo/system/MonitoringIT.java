package dev.jangteo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What Prometheus scrapes from both running apps covers what the alert rules of monitoring/ read. */
class MonitoringIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("monitoring", 1);

    @Test
    void canScrapeEveryMetricTheAlertRulesReadFromTheApps() {
        Set<String> names = AlertRules.metricNames();
        assertThat(names).as("metric names in %s", AlertRules.FOLDER.toAbsolutePath())
                         .contains("jangteo_processor_lag_seconds", "hikaricp_connections_active",
                                   "http_server_requests_seconds_bucket");
        // Requests that finished before the scrape put http_server_requests in it.
        Http.get(stack.query().resolve("/api/admin/processors"));
        Http.get(stack.command().resolve("/actuator/health"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(emitted(Prometheus.scrape(stack.command())));
            missing.removeAll(emitted(Prometheus.scrape(stack.query())));
            assertThat(missing).as("metrics the alert rules read but neither app emits").isEmpty();
        });
    }

    @Test
    void canScrapeTheLagOfTheSagaProcessorsFromTheCommandSide() {
        String app = "{application=\"command-side\",";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Prometheus.scrape(stack.command()))
                .contains("jangteo_processor_lag_events" + app + "group=\"OrderPaymentSagaProcessor\"}",
                          "jangteo_processor_error" + app + "group=\"OrderCancellationSagaProcessor\"} 0",
                          "jangteo_health" + app + "component=\"db\"} 1"));
    }

    private static Set<String> emitted(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.startsWith("#")).map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }
}
