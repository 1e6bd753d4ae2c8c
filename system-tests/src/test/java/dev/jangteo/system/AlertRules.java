package dev.jangteo.system;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The metric names the Prometheus alert rules of {@code monitoring/prometheus/rules} read (see {@link PromQl}). */
final class AlertRules {

    /** Maven runs the tests in the module's folder; the rules are the repository's. */
    static final Path FOLDER = Path.of("..", "monitoring", "prometheus", "rules");

    private AlertRules() {
    }

    /** Every metric name the rules of {@link #FOLDER} read. */
    static Set<String> metricNames() {
        return PromQl.metricNames(FOLDER, ".yml", AlertRules::expressions);
    }

    @SuppressWarnings("unchecked")
    private static List<String> expressions(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml().load(reader);
            return ((List<Map<String, Object>>) document.get("groups")).stream()
                    .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                    .map(rule -> (String) rule.get("expr"))
                    .toList();
        }
    }
}
