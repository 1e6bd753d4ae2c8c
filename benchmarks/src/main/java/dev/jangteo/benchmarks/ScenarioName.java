package dev.jangteo.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scenarios, in the order 'all' runs them; 'all' leaves out search, verify and replay, which load a million
 * messages or events each, shop, which first opens ten thousand wallets, and edge, which measures reads alone.
 */
public enum ScenarioName {
    PGBENCH(false, true),
    WARMUP(true, true),
    RACE(true, true),
    SEQUENTIAL(true, true),
    RAMP(true, true),
    SUSTAINED(true, true),
    ORDERS(true, true),
    RANKINGS(true, true),
    SHOP(true, false),
    EDGE(true, false),
    HEAP(true, true),
    SEARCH(true, false),
    VERIFY(false, false),
    REPLAY(false, false);

    private final boolean needsApps;
    private final boolean inAll;

    ScenarioName(boolean needsApps, boolean inAll) {
        this.needsApps = needsApps;
        this.inAll = inAll;
    }

    public boolean needsApps() {
        return needsApps;
    }

    public boolean inAll() {
        return inAll;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ScenarioName> parse(String label) {
        return Arrays.stream(values()).filter(name -> name.label().equals(label)).findFirst();
    }
}
