package dev.jangteo.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void canFindTheMetricsOfAnExpressionWithoutFunctionsLabelsOrKeywords() {
        String expression = """
                sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", uri!="/a/{id}"}[5m]))
                  / on (application) group_left max(jangteo_processor_lag_seconds offset 1m) > 0.05
                  unless up == 0 and count_over_time(ALERTS[1h]) > 1e3""";

        assertThat(PromQl.metricNames(expression))
                .containsExactly("http_server_requests_seconds_count", "jangteo_processor_lag_seconds");
    }

    @Test
    void canIgnoreGrafanasVariablesInRangesAndMatchers() {
        String expression = "topk(10, sum by (uri) (rate(http_server_requests_seconds_count"
                + "{instance=~\"$instance\"}[$__rate_interval])))";

        assertThat(PromQl.metricNames(expression)).containsExactly("http_server_requests_seconds_count");
    }
}
