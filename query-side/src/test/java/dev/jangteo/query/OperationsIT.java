package dev.jangteo.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.chat.RoomCreatedEvent;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.QuerySideStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators and Prometheus see: the gauges say what the admin and audit endpoints say, and the health endpoint
 * shows its components to an ADMIN only. That the apps emit every metric the alert rules read is system-tests'
 * MonitoringIT.
 */
class OperationsIT extends QuerySideStack {

    @Test
    void canScrapeTheLagAndDeadLettersOfEveryGroupTheAdminEndpointsShow() {
        JsonNode processors = http.get("/api/admin/processors").body().path("processors");
        JsonNode queues = http.get("/api/admin/dead-letters").body().path("groups");
        assertThat(processors).isNotEmpty();
        assertThat(queues).isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String scrape = scrape();
            for (JsonNode processor : processors) {
                String group = processor.path("name").asText();
                assertThat(scrape).contains("jangteo_processor_lag_events{application=\"query-side\",group=\""
                                                    + group + "\"}");
            }
            for (JsonNode queue : queues) {
                assertThat(scrape).contains("jangteo_dead_letters{application=\"query-side\",group=\""
                                                    + queue.path("group").asText() + "\"} "
                                                    + queue.path("letters").asLong());
            }
        });
    }

    @Test
    void canScrapeTheHealthOfEveryComponentAnAdminSees() {
        JsonNode components = http.withRoles("operator", "ADMIN").get("/actuator/health").body().path("components");
        assertThat(components.has("db")).as("%s", components).isTrue();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String scrape = scrape();
            components.properties().forEach(component -> assertThat(scrape).contains(
                    "jangteo_health{application=\"query-side\",component=\"" + component.getKey() + "\"} "
                            + (component.getValue().path("status").asText().equals("UP") ? "1" : "0")));
        });
    }

    @Test
    void canScrapeTheSealChainAsTheAuditEndpointShowsIt() {
        String room = Ids.of("room");
        long last = history.append("Room", room, new RoomCreatedEvent(room, "Sealed", null, "kim"));
        await().atMost(Duration.ofSeconds(30))
               .until(() -> http.get("/api/audit/seal").body().path("sealedPosition").asLong() >= last);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape())
                .contains("jangteo_audit_seal_behind_events{application=\"query-side\"} 0")
                .contains("jangteo_audit_seal_lag_seconds{application=\"query-side\"} 0")
                .contains("jangteo_audit_seal_verified{application=\"query-side\"} 1"));
    }

    @Test
    void cannotSeeHealthComponentsWithoutAnAdminToken() {
        JsonNode anonymous = http.anonymous().get("/actuator/health").body();
        JsonNode analyst = http.withRoles("ana", "ANALYST").get("/actuator/health").body();

        assertThat(anonymous.path("status").asText()).isNotBlank();
        assertThat(anonymous.has("components")).as("%s", anonymous).isFalse();
        assertThat(analyst.has("components")).as("%s", analyst).isFalse();
    }

    @Test
    void canSeeHealthComponentsAsAnAdmin() {
        JsonNode admin = http.withRoles("operator", "ADMIN").get("/actuator/health").body();

        assertThat(admin.path("components").has("db")).as("%s", admin).isTrue();
        assertThat(admin.path("components").has("rankings")).as("%s", admin).isTrue();
    }

    @Test
    void cannotScrapeWithoutTheScrapeTokenOrAnAdminToken() {
        assertThat(http.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.bearer(SCRAPE_TOKEN + "x").get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.withRoles("ana", "ANALYST").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(http.withRoles("operator", "ADMIN").text("/actuator/prometheus", "text/plain"))
                .contains("jangteo_health{");
        // The scrape token opens the metrics and nothing else.
        assertThat(http.bearer(SCRAPE_TOKEN).get("/api/admin/processors").status()).isEqualTo(401);
    }

    /** As Prometheus scrapes: with its scrape token. */
    private String scrape() {
        return http.bearer(SCRAPE_TOKEN).text("/actuator/prometheus", "text/plain");
    }
}
