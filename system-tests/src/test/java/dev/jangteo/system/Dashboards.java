package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the Grafana dashboards of {@code monitoring/grafana/dashboards} read (see {@link PromQl}): the
 * queries of every panel, the panels of collapsed rows included, and of every query variable.
 */
final class Dashboards {

    /** Maven runs the tests in the module's folder; the dashboards are the repository's. */
    static final Path FOLDER = Path.of("..", "monitoring", "grafana", "dashboards");

    /** {@code label_values(metric{...}, label)}: only the first argument is PromQL; the label is no metric. */
    private static final Pattern LABEL_VALUES = Pattern.compile(
            "\\s*label_values\\s*\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*");

    private Dashboards() {
    }

    /** Every metric name the dashboards of {@link #FOLDER} read. */
    static Set<String> metricNames() {
        return PromQl.metricNames(FOLDER, ".json", file -> expressions(Files.readString(file)));
    }

    static List<String> expressions(String dashboard) throws IOException {
        JsonNode root = JsonHttp.JSON.readTree(dashboard);
        List<String> expressions = new ArrayList<>();
        panelExpressions(root.path("panels"), expressions);
        for (JsonNode variable : root.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                variableExpression(query.isTextual() ? query.asText() : query.path("query").asText(), expressions);
            }
        }
        return expressions;
    }

    private static void panelExpressions(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(target.get("expr").asText());
                }
            }
            panelExpressions(panel.path("panels"), expressions);
        }
    }

    private static void variableExpression(String query, List<String> expressions) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            expressions.add(labelValues.group(1));
        } else if (!query.isBlank() && !query.strip().startsWith("label_values")) {
            expressions.add(query);
        }
    }
}
