package dev.jangteo.benchmarks.measure;

import dev.jangteo.benchmarks.http.PrometheusText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds used so far by the whole machine (busy time of every core, from {@code /proc/stat}) and by each app
 * (the JVM's own process CPU time, from its Prometheus scrape). Two readings around a measured window give what the
 * window cost; NaN where a figure could not be read (not Linux, a scrape that failed).
 */
public record CpuTimes(double machine, double commandSide, double querySide) {

    /** Linux reports /proc/stat in USER_HZ ticks, which is 100 per second on every architecture it exposes it. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Reads the machine now; the apps' figures come from their scrapes ({@link #processSeconds}). */
    public static CpuTimes read(String commandScrape, String queryScrape) {
        return new CpuTimes(machineSeconds(), processSeconds(commandScrape), processSeconds(queryScrape));
    }

    public static double machineSeconds() {
        try {
            return busySeconds(Files.readString(PROC_STAT));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Busy seconds of all cores in a {@code /proc/stat} text: user, nice, system, irq, softirq and steal from the
     * {@code cpu} line; idle and iowait are not work, and guest time is already inside user and nice.
     */
    static double busySeconds(String procStat) {
        for (String line : procStat.split("\n")) {
            if (!line.startsWith("cpu ")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            long busy = 0;
            int[] counted = {1, 2, 3, 6, 7, 8};
            for (int field : counted) {
                if (field < fields.length) {
                    busy += Long.parseLong(fields[field]);
                }
            }
            return busy / TICKS_PER_SECOND;
        }
        return Double.NaN;
    }

    /**
     * The process CPU time in a Prometheus scrape: Micrometer's {@code process_cpu_time_ns_total} (nanoseconds), or
     * the Prometheus client's {@code process_cpu_seconds_total}; NaN when neither is there.
     */
    public static double processSeconds(String scrape) {
        double nanos = PrometheusText.sum(scrape, "process_cpu_time_ns_total");
        if (!Double.isNaN(nanos)) {
            return nanos / 1e9;
        }
        return PrometheusText.sum(scrape, "process_cpu_seconds_total");
    }

    /** What was used between {@code earlier} and this reading. */
    public CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(machine - earlier.machine, commandSide - earlier.commandSide,
                            querySide - earlier.querySide);
    }

    /** Each figure divided by {@code count} (CPU seconds per order); NaN for a count of zero. */
    public CpuTimes per(long count) {
        return count <= 0 ? new CpuTimes(Double.NaN, Double.NaN, Double.NaN)
                : new CpuTimes(machine / count, commandSide / count, querySide / count);
    }

    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", roundFine(machine));
        figures.put("commandSide", roundFine(commandSide));
        figures.put("querySide", roundFine(querySide));
        return figures;
    }

    /** "machine=12.34ms command-side=4.56ms query-side=3.21ms", for CPU seconds per order shown in milliseconds. */
    public String describeMillis() {
        return "machine=" + Fmt.millis(machine * 1000) + " command-side=" + Fmt.millis(commandSide * 1000)
                + " query-side=" + Fmt.millis(querySide * 1000);
    }

    /** Six decimals: CPU seconds per order are a few milliseconds, which three decimals would flatten. */
    private static Double roundFine(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1e6) / 1e6;
    }
}
