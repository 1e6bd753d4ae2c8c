package dev.jangteo.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardsTest {

    @Test
    void canReadTheQueriesOfPanelsCollapsedRowsAndVariables() throws Exception {
        String dashboard = """
                {"templating": {"list": [
                   {"type": "query", "query": {"query": "label_values(jvm_info{application=\\"a\\"}, instance)"}},
                   {"type": "query", "query": "label_values(application)"},
                   {"type": "custom", "query": "1,5,10"}]},
                 "panels": [
                   {"type": "timeseries", "targets": [{"expr": "rate(commandBus_ingestedCounter_total[1m])"}]},
                   {"type": "row", "collapsed": true, "panels": [
                     {"type": "stat", "targets": [{"expr": "max(jangteo_dead_letters)"}, {"refId": "B"}]}]}]}""";

        assertThat(Dashboards.expressions(dashboard))
                .containsExactly("rate(commandBus_ingestedCounter_total[1m])", "max(jangteo_dead_letters)",
                                 "jvm_info{application=\"a\"}");
    }

    @Test
    void canReadTheNamesOfTheRepositorysDashboards() {
        assertThat(Dashboards.metricNames())
                .contains("commandBus_ingestedCounter_total", "eventStore_ingestedCounter_total",
                          "jangteo_processor_lag_events", "jvm_threads_live_threads", "jvm_info")
                .doesNotContain("up", "ALERTS", "instance", "rate", "topk");
    }
}
