package dev.jangteo.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What Prometheus scrapes from both running apps covers what the alert rules and dashboards of monitoring/ read. */
class MonitoringIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("monitoring", 1);

    /**
     * Several meters exist only once used: Axon's commandBus_*, eventStore_* and eventProcessor_* after a command and
     * its events, http_server_requests after a request, a fallback counter after a ranking answered from PostgreSQL
     * (a day past Redis' retention).
     */
    @BeforeAll
    static void useTheApps() {
        Shop.openAccount(stack.command(), Shop.unique("monitoring"), 1000);
        Http.get(stack.query().resolve("/api/rankings/products?period=daily&date=2000-01-01"));
        Http.get(stack.query().resolve("/api/admin/processors"));
        Http.get(stack.command().resolve("/actuator/health"));
    }

    @Test
    void canScrapeEveryMetricTheAlertRulesReadFromTheApps() {
        Set<String> names = AlertRules.metricNames();
        assertThat(names).as("metric names in %s", AlertRules.FOLDER.toAbsolutePath())
                         .contains("jangteo_processor_lag_seconds", "hikaricp_connections_active",
                                   "http_server_requests_seconds_bucket");

        assertEmitted(names, "the alert rules read");
    }

    @Test
    void canScrapeEveryMetricTheDashboardsShowFromTheApps() {
        Set<String> names = Dashboards.metricNames();
        assertThat(names).as("metric names in %s", Dashboards.FOLDER.toAbsolutePath())
                         .contains("commandBus_ingestedCounter_total", "eventStore_ingestedCounter_total",
                                   "jangteo_rankings_fallbacks_total", "jangteo_audit_seal_verified");

        assertEmitted(names, "the dashboards show");
    }

    @Test
    void canScrapeTheLagOfTheSagaProcessorsFromTheCommandSide() {
        String app = "{application=\"command-side\",";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Prometheus.series(
                        stack.command(), "jangteo_processor_lag_events", "jangteo_processor_error", "jangteo_health"))
                .contains("jangteo_processor_lag_events" + app + "group=\"OrderPaymentSagaProcessor\"}",
                          "jangteo_processor_error" + app + "group=\"OrderCancellationSagaProcessor\"} 0",
                          "jangteo_health" + app + "component=\"db\"} 1"));
    }

    private static void assertEmitted(Set<String> names, String reader) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(emitted(Prometheus.scrape(stack.command())));
            missing.removeAll(emitted(Prometheus.scrape(stack.query())));
            assertThat(missing).as("metrics %s but neither app emits", reader).isEmpty();
        });
    }

    private static Set<String> emitted(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.startsWith("#")).map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }
}
