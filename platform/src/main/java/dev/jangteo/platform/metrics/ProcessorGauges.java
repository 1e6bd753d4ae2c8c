package dev.jangteo.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The {@code jangteo.processor.*} gauges, one series per processing group ({@code group} tag), named in one place
 * for both apps, so one alert rule covers the query side's projections and the command side's sagas.
 */
public final class ProcessorGauges {

    /**
     * One group as last computed.
     *
     * @param lagSeconds     how much older the group's position is than the head of the store (null: unknown)
     * @param replayProgress how far a replay has got, 0 to 1 (1 when none runs)
     */
    public record Reading(String group, long lagEvents, Double lagSeconds, boolean running, boolean error,
                          boolean replaying, double replayProgress) {
    }

    private record Metric(GaugesByTag gauges, ToDoubleFunction<Reading> value) {
    }

    private final List<Metric> metrics;

    public ProcessorGauges(MeterRegistry meters) {
        this.metrics = List.of(
                metric(meters, "jangteo.processor.lag.events", "Events in the store the group has not processed yet",
                       Reading::lagEvents),
                metric(meters, "jangteo.processor.lag.seconds",
                       "How much older the group's position is than the head of the store (NaN: unknown)",
                       reading -> reading.lagSeconds() == null ? Double.NaN : reading.lagSeconds()),
                metric(meters, "jangteo.processor.running", "1 while the group's processor runs on this instance",
                       reading -> flag(reading.running())),
                metric(meters, "jangteo.processor.error", "1 while the group's processor or one of its segments fails",
                       reading -> flag(reading.error())),
                metric(meters, "jangteo.processor.replaying", "1 while the group replays",
                       reading -> flag(reading.replaying())),
                metric(meters, "jangteo.processor.replay.progress.ratio",
                       "How far the replay started on this instance has got, 0 to 1 (1 when no replay runs)",
                       Reading::replayProgress));
    }

    public void set(List<Reading> readings) {
        for (Metric metric : metrics) {
            Map<String, Double> values = new TreeMap<>();
            readings.forEach(reading -> values.put(reading.group(), metric.value().applyAsDouble(reading)));
            metric.gauges().set(values);
        }
    }

    private static Metric metric(MeterRegistry meters, String name, String description,
                                 ToDoubleFunction<Reading> value) {
        return new Metric(new GaugesByTag(meters, name, "group", description), value);
    }

    private static double flag(boolean value) {
        return value ? 1 : 0;
    }
}
