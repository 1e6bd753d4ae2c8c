package dev.jangteo.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.Map;

/**
 * One gauge name with a series per value of one tag (per processing group, per health component), replaced as a
 * whole on each {@link #set}: a value that is gone from the map stops being reported.
 */
public final class GaugesByTag {

    private final MultiGauge gauges;
    private final String tag;

    public GaugesByTag(MeterRegistry meters, String name, String tag, String description) {
        this.gauges = MultiGauge.builder(name).description(description).register(meters);
        this.tag = tag;
    }

    public void set(Map<String, ? extends Number> values) {
        gauges.register(values.entrySet().stream()
                              .map(value -> MultiGauge.Row.of(Tags.of(tag, value.getKey()), value.getValue()))
                              .toList(), true);
    }
}
