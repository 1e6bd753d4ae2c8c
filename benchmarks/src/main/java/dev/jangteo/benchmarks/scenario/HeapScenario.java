package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.HeapReading;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The heap in use by each app after the load, when its actuator exposes it. */
public final class HeapScenario implements Scenario {

    private final ApiClient api;

    public HeapScenario(ApiClient api) {
        this.api = api;
    }

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public String description() {
        return "heap: jvm.memory.used{area=heap} of both apps (actuator metrics, else prometheus)";
    }

    @Override
    public ScenarioResult run() {
        Map<String, Object> figures = new LinkedHashMap<>();
        String command = read("command", api.commandUrl(), figures);
        String query = read("query", api.queryUrl(), figures);
        return ScenarioResult.info(name(), "command=" + command + " query=" + query, figures);
    }

    private String read(String app, String baseUrl, Map<String, Object> figures) {
        Optional<HeapReading> reading = api.heapUsed(baseUrl);
        figures.put(app + "HeapBytes", reading.map(HeapReading::bytes).orElse(null));
        figures.put(app + "HeapSource", reading.map(HeapReading::source).orElse("not exposed"));
        return reading
                .map(heap -> String.format(Locale.ROOT, "%.1fMiB (%s)", heap.mebibytes(), heap.source()))
                .orElse("not exposed");
    }
}
