package dev.jangteo.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The installed plugin on the real node that ./dev up (or ./dev test) runs, with the plugin loaded the way
 * Elasticsearch loads stable plugins: its own class loader, Lucene and analysis-common from Elasticsearch's lib/.
 * The node comes from {@code ELASTICSEARCH_URL} (default http://127.0.0.1:9200); the index has a random name and is
 * deleted afterwards, so the test can re-run without cleanup.
 */
class AnalysisOnNodeIT {

    private static final URI NODE =
            URI.create(System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200") + "/");
    private static final String INDEX = "jangteo-analysis-it-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void createIndexWithTheMessageFieldShape() throws Exception {
        send("PUT", INDEX, Map.of("mappings", Map.of("properties", Map.of("text", Map.of(
                "type", "text",
                "analyzer", KoreanAnalyzerFactory.NAME,
                "fields", Map.of("en", Map.of("type", "text", "analyzer", EnglishAnalyzerFactory.NAME)))))));
        send("PUT", INDEX + "/_doc/seoul?refresh=true", Map.of("text", "서울에서 마라톤을 달렸습니다"));
        send("PUT", INDEX + "/_doc/runners?refresh=true", Map.of("text", "The runners were running in Busan"));
    }

    @AfterAll
    static void deleteIndex() throws Exception {
        send("DELETE", INDEX, null);
    }

    @Test
    void koreanAnalyzerStripsParticlesAndEndings() throws Exception {
        JsonNode analyzed = send("POST", "_analyze",
                Map.of("analyzer", KoreanAnalyzerFactory.NAME, "text", "서울에서 마라톤을 달렸습니다"));

        assertThat(analyzed.findValuesAsText("token")).contains("서울", "마라톤", "달리").doesNotContain("서울에서");
    }

    @Test
    void englishAnalyzerStems() throws Exception {
        JsonNode analyzed = send("POST", "_analyze",
                Map.of("analyzer", EnglishAnalyzerFactory.NAME, "text", "The runner's running"));

        assertThat(analyzed.findValuesAsText("token")).containsExactly("runner", "run");
    }

    @Test
    void matchQueryForANounFindsItWithAParticle() throws Exception {
        assertThat(idsMatching("text", "서울")).containsExactly("seoul");
        assertThat(idsMatching("text", "마라톤")).containsExactly("seoul");
        assertThat(idsMatching("text", "부산")).isEmpty();
    }

    @Test
    void englishSubFieldFindsAnotherFormOfTheWord() throws Exception {
        assertThat(idsMatching("text.en", "run")).containsExactly("runners");
    }

    private static List<String> idsMatching(String field, String query) throws Exception {
        JsonNode found = send("POST", INDEX + "/_search",
                Map.of("query", Map.of("match", Map.of(field, query))));
        return found.path("hits").path("hits").findValuesAsText("_id");
    }

    private static JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(NODE.resolve(path)).header("Content-Type", "application/json");
        request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(JSON.writeValueAsString(body)));
        var response = HTTP.send(request.build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
