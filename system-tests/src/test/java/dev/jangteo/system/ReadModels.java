package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the query side of a stack has built from the events, in a form two snapshots compare with equals:
 * every read-model table of {@code query_side} (rows as text, sorted), every Redis key under the stack's prefix, and
 * every Elasticsearch document behind its read alias (source and external version). Tokens, dead letters, the
 * instances sharing the segments, the operators' actions and Flyway's history are not read models.
 */
record ReadModels(Map<String, List<String>> tables, Map<String, Object> redis, Map<String, JsonNode> documents) {

    private static final Set<String> NOT_READ_MODELS = Set.of("token_entry", "dead_letter_entry",
                                                              "dead_letter_eviction", "flyway_schema_history",
                                                              "processing_node", "segment_handover",
                                                              "operator_action");

    static ReadModels of(Stack stack) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'query_side' AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                if (NOT_READ_MODELS.contains(name)) {
                    continue;
                }
                List<String> content = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "SELECT row_to_json(t)::text FROM query_side." + name + " t ORDER BY 1")) {
                    while (rows.next()) {
                        content.add(rows.getString(1));
                    }
                }
                tables.put(name, content);
            }
        }
        Map<String, JsonNode> documents = new TreeMap<>();
        Search.documents(stack).forEach((id, hit) -> documents.put(id, JsonHttp.JSON.createObjectNode()
                .put("version", hit.path("_version").asLong())
                .set("source", hit.path("_source"))));
        return new ReadModels(tables, Redis.dump(stack.redisKeyPrefix()), documents);
    }

    /** The tables that hold at least one row. */
    List<String> filledTables() {
        return tables.entrySet().stream().filter(table -> !table.getValue().isEmpty()).map(Map.Entry::getKey)
                     .toList();
    }

    static Map<String, Object> summary(ReadModels models) {
        Map<String, Object> summary = new LinkedHashMap<>();
        models.tables().forEach((name, rows) -> summary.put(name, rows.size()));
        summary.put("redis keys", models.redis().size());
        summary.put("documents", models.documents().size());
        return summary;
    }
}
