package dev.jangteo.benchmarks.measure;

import java.util.Locale;

/** Number formats shared by the printed lines. */
public final class Fmt {

    private Fmt() {
    }

    public static String millis(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.2fms", millis);
    }

    public static String rate(double perSecond) {
        return Double.isNaN(perSecond) || Double.isInfinite(perSecond)
                ? "n/a" : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    public static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio)
                ? "n/a" : String.format(Locale.ROOT, "%.3f", ratio);
    }

    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }

    /** Rounds to 3 decimals for the JSON report; NaN and infinities become null. */
    public static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1000) / 1000.0;
    }

    public static double perSecond(long count, long nanos) {
        return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
    }
}
