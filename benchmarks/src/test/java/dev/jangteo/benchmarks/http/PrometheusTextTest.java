package dev.jangteo.benchmarks.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="PS Eden Space"} 1000.0
            jvm_memory_used_bytes{area="heap",id="PS Old Gen"} 2000.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 500.0
            jvm_memory_used_bytes_other 7
            http_requests_total{code="200"} 3
            http_requests_total{code="500"} 1
            """;

    @Test
    void canSumACounterOverItsSeries() {
        assertThat(PrometheusText.sum(SCRAPE, "http_requests_total")).isEqualTo(4.0);
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes")).isEqualTo(3500.0);
    }

    @Test
    void cannotSumAMetricThatIsAbsent() {
        assertThat(PrometheusText.sum(SCRAPE, "http_requests")).isNaN();
    }

    @Test
    void canSumOnlyTheHeapAreas() {
        assertThat(PrometheusText.heapUsedBytes(SCRAPE)).contains(3000L);
    }
}
