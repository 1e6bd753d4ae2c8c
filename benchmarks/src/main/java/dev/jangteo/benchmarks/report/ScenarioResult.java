package dev.jangteo.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's outcome: a one-line summary for people and named figures for the JSON report.
 */
public record ScenarioResult(String name, Status status, String summary, Map<String, Object> figures) {

    public ScenarioResult {
        figures = new LinkedHashMap<>(figures);
    }

    public static ScenarioResult checked(String name, boolean ok, String summary, Map<String, Object> figures) {
        return new ScenarioResult(name, ok ? Status.OK : Status.FAIL, summary, figures);
    }

    public static ScenarioResult info(String name, String summary, Map<String, Object> figures) {
        return new ScenarioResult(name, Status.INFO, summary, figures);
    }

    public static ScenarioResult skipped(String name, String reason) {
        return new ScenarioResult(name, Status.SKIPPED, reason, Map.of());
    }

    public static ScenarioResult error(String name, String reason) {
        return new ScenarioResult(name, Status.ERROR, reason, Map.of());
    }

    /** A figure as a number, or NaN when absent. */
    public double number(String key) {
        return figures.get(key) instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** "race        requests=500 rps=... ok" */
    public String line() {
        String text = switch (status) {
            case OK -> summary + " ok";
            case FAIL -> summary + " FAIL";
            case INFO -> summary;
            case SKIPPED -> "skipped: " + summary;
            case ERROR -> "ERROR: " + summary;
        };
        return String.format("%-11s %s", name, text);
    }
}
