package dev.jangteo.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints progress and result lines as they come, then the summary table, and writes the same
 * summary as JSON.
 */
public final class Report {

    private final PrintStream out;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(PrintStream out) {
        this.out = out;
    }

    public void section(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** A detail line inside a scenario (one race round, a pgbench run). */
    public void detail(String line) {
        out.println("   " + line);
        out.flush();
    }

    public void add(ScenarioResult result) {
        results.add(result);
        out.println(result.line());
        out.flush();
    }

    /** A derived line (such as the sustained/pgbench ratio) shown under the summary table. */
    public void note(String line) {
        notes.add(line);
    }

    public List<ScenarioResult> results() {
        return List.copyOf(results);
    }

    public Optional<ScenarioResult> result(String name) {
        return results.stream().filter(result -> result.name().equals(name)).findFirst();
    }

    public boolean anyFailed() {
        return results.stream().anyMatch(result -> result.status().failed());
    }

    public void printSummary() {
        out.println();
        out.println("== summary");
        results.forEach(result -> out.println(result.line()));
        notes.forEach(out::println);
        out.flush();
    }

    /** Writes {@code header} plus every result and note to {@code file}, creating its directory. */
    public Path writeJson(Path file, Map<String, Object> header) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>(header);
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioResult result : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", result.name());
            entry.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("summary", result.summary());
            entry.put("figures", result.figures());
            scenarios.add(entry);
        }
        document.put("scenarios", scenarios);
        document.put("notes", notes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        return file;
    }
}
