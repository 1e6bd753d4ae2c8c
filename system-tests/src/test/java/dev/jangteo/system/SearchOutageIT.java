package dev.jangteo.system;

import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch goes away under the query side in the middle of a stream of messages and comes back: meanwhile
 * search answers 503 SEARCH_UNAVAILABLE and everything else works; afterwards the index catches up and holds exactly
 * what PostgreSQL holds, with no message missing.
 */
class SearchOutageIT {

    static final TcpProxy elasticsearch = proxyToElasticsearch();

    @RegisterExtension
    static final StackExtension stack = new StackExtension("searchoutage", 1).withSearchProxy(elasticsearch);

    @Test
    void canCatchUpAfterAnOutageWithNoMessageMissing() throws Exception {
        String room = Chat.createRoom(stack.command(), "ivy", "trip-outage");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posted.add(Chat.say(stack.command(), room, "ivy", "출발 전 메시지 " + i + " before"));
        }
        Chat.awaitIndexEqualsHistory(stack.get());

        elasticsearch.cut();
        try {
            for (int i = 0; i < 40; i++) {
                posted.add(Chat.say(stack.command(), room, "ivy", "정전 중 메시지 " + i + " during"));
                if (i % 10 == 0) {
                    Chat.edit(stack.command(), room, posted.get(i), "ivy", "고친 메시지 " + i + " edited");
                    Chat.delete(stack.command(), room, posted.get(i + 1), "ivy");
                }
            }
            Answer search = Chat.search(stack.query(), "ivy", "메시지", null);
            assertThat(search.status()).isEqualTo(503);
            assertThat(search.contentType()).startsWith("application/problem+json");
            assertThat(search.code()).isEqualTo("SEARCH_UNAVAILABLE");
            Chat.awaitHistory(stack.query(), room, 60);
            assertThat(Chat.messages(stack.query(), room, "limit=5").get("messages")).hasSize(5);
            assertThat(Http.get(stack.query().resolve("/api/users/ivy/rooms")).status()).isEqualTo(200);
            assertThat(Http.get(stack.query().resolve("/actuator/health/readiness")).status()).isEqualTo(200);
        } finally {
            elasticsearch.restore();
        }

        Map<String, String> converged = Chat.awaitIndexEqualsHistory(stack.get());

        assertThat(converged).hasSize(60 - 4);
        assertThat(converged).containsEntry(room + "/" + posted.get(20), "고친 메시지 20 edited");
        assertThat(Chat.found(stack.query(), "ivy", "during")).hasSize(40 - 4 + 0);
    }

    private static TcpProxy proxyToElasticsearch() {
        try {
            return new TcpProxy(Stack.elasticsearch().getHost(), Stack.elasticsearch().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
