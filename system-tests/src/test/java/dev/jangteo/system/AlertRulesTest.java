package dev.jangteo.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    @Test
    void canReadTheNamesOfTheRepositorysRules() {
        assertThat(AlertRules.metricNames()).contains("jangteo_dead_letters", "resilience4j_circuitbreaker_state")
                                            .doesNotContain("up", "rate", "sum", "by");
    }
}
