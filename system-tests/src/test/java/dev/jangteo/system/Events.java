package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events a stack's event store holds, read as an auditor reads them: through the query side's audit API, which
 * reads the store through Axon's API. So a check of the events means the same whether they are in the PostgreSQL
 * table, in the remote-like store or in Axon Server, where {@code command_side.domain_event_entry} is empty. Only
 * tests about the PostgreSQL table itself (its bytes, its triggers, its backups) read the table. Events come as
 * {@code AuditEvent}s (type, aggregateId, sequence, payload...), their payloads as the store hands them over: upcast,
 * personal fields decrypted.
 */
final class Events {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int PAGE_SIZE = 100;

    private Events() {
    }

    /** Every event of the store, in global order. */
    static List<JsonNode> all(URI query) {
        return export(query, "");
    }

    /** The events whose payload is of {@code type} (full or simple class name), in global order. */
    static List<JsonNode> ofType(URI query, String type) {
        return export(query, "?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8));
    }

    static long count(URI query) {
        return all(query).size();
    }

    static long count(URI query, String type) {
        return ofType(query, type).size();
    }

    /**
     * The aggregate's events in sequence order, all of them even where a snapshot was taken; none for an aggregate the
     * store does not know.
     */
    static List<JsonNode> ofAggregate(URI query, String aggregateId) {
        List<JsonNode> events = new ArrayList<>();
        for (int page = 0; ; page++) {
            String path = "/api/audit/aggregates/" + URLEncoder.encode(aggregateId, StandardCharsets.UTF_8)
                    + "/events?size=" + PAGE_SIZE + "&page=" + page;
            Answer answer = Http.get(query.resolve(path), Tokens.auditor());
            if (answer.status() == 404 && "AGGREGATE_NOT_FOUND".equals(answer.code())) {
                return events;
            }
            assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
            answer.body().path("items").forEach(events::add);
            if (events.size() >= answer.body().path("total").asLong() || answer.body().path("items").isEmpty()) {
                return events;
            }
        }
    }

    /** The payloads of the aggregate's events of {@code type} (full or simple class name), in sequence order. */
    static List<JsonNode> payloads(URI query, String aggregateId, String type) {
        return ofAggregate(query, aggregateId).stream().filter(event -> isOfType(event, type))
                                              .map(event -> event.path("payload")).toList();
    }

    /** Whether the event's payload is of {@code type}, a full or simple class name, as the feed's filter matches. */
    static boolean isOfType(JsonNode event, String type) {
        String name = event.path("type").asText();
        return name.equals(type) || name.endsWith("." + type);
    }

    /** The simple class name of the event's payload ({@code OrderPlacedEvent}). */
    static String simpleType(JsonNode event) {
        String name = event.path("type").asText();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The NDJSON export, one event a line: the whole range at once, where the JSON feed stops at 1000 a page. */
    private static List<JsonNode> export(URI query, String parameters) {
        HttpRequest request = HttpRequest.newBuilder(query.resolve("/api/audit/events" + parameters))
                                         .header("Accept", "application/x-ndjson")
                                         .header("Authorization", "Bearer " + Tokens.auditor())
                                         .timeout(Duration.ofSeconds(120)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("export %s: %s", request.uri(), response.body()).isEqualTo(200);
            List<JsonNode> events = new ArrayList<>();
            for (String line : response.body().lines().toList()) {
                JsonNode event = JsonHttp.JSON.readTree(line);
                assertThat(event.isObject()).as("an event a line, not %s", line).isTrue();
                events.add(event);
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
