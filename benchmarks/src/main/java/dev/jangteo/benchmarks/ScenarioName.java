package dev.jangteo.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/** The scenarios, in the order 'all' runs them. */
public enum ScenarioName {
    PGBENCH(false),
    WARMUP(true),
    RACE(true),
    SEQUENTIAL(true),
    RAMP(true),
    SUSTAINED(true),
    ORDERS(true),
    HEAP(true);

    private final boolean needsApps;

    ScenarioName(boolean needsApps) {
        this.needsApps = needsApps;
    }

    public boolean needsApps() {
        return needsApps;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ScenarioName> parse(String label) {
        return Arrays.stream(values()).filter(name -> name.label().equals(label)).findFirst();
    }
}
