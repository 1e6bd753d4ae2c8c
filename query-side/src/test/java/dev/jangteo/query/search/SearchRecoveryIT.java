package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.chat.MemberJoinedEvent;
import dev.jangteo.api.chat.MessagePostedEvent;
import dev.jangteo.api.chat.RoomCreatedEvent;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch lost the message index (restarted empty, or the index was deleted): searches never answer as if
 * nothing were there, and the index is rebuilt from the events with no operator, a message posted meanwhile
 * included.
 */
class SearchRecoveryIT extends QuerySideStack {

    private static final String ROOM = "ChatRoom";

    @Autowired
    private ElasticsearchClient elasticsearch;
    @Autowired
    private MessageIndex index;

    private final String user = Ids.of("user");
    private final String room = Ids.of("room");
    private final Set<String> posted = new TreeSet<>();

    @Test
    void canRebuildTheIndexOnItsOwnWhenElasticsearchLostIt() throws IOException {
        history.append(ROOM, room, new RoomCreatedEvent(room, "trip", "group-" + room, user),
                       new MemberJoinedEvent(room, user));
        for (int i = 1; i <= 30; i++) {
            post(i);
        }
        long before = history.lastPosition();
        await().atMost(Duration.ofSeconds(30)).until(() -> found(search(before)).equals(posted));
        String lost = indexBehindSearches();

        elasticsearch.indices().delete(delete -> delete.index(lost));

        Answer meanwhile = search(before);
        assertProblem(meanwhile, 503, "SEARCH_REBUILDING");
        assertThat(meanwhile.header("Retry-After")).isNotBlank();
        long after = post(31);
        List<String> answers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Answer answer = search(after);
            answers.add(answer.status() + " " + (answer.status() == 200 ? found(answer).size() : answer.code()));
            return answer.status() == 200;
        });
        assertThat(answers).as("answers while rebuilding: a 503 or every message")
                           .allMatch(answer -> answer.equals("503 SEARCH_REBUILDING")
                                   || answer.equals("200 " + posted.size()));
        assertThat(found(search(after))).isEqualTo(posted);
        assertThat(indexBehindSearches()).isNotEqualTo(lost);
    }

    private long post(int position) {
        String messageId = Ids.of("message");
        posted.add(messageId);
        return history.append(ROOM, room, new MessagePostedEvent(room, messageId, position, user,
                                                                 "trip message number " + position, null,
                                                                 "group-" + room));
    }

    private Answer search(long position) {
        return http.as(user).get("/api/messages/search?q=message&limit=100&userId=" + user, position);
    }

    private static Set<String> found(Answer search) {
        assertThat(search.status()).as("search: %s", search.body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        for (JsonNode message : search.body().path("data")) {
            ids.add(message.path("messageId").asText());
        }
        return ids;
    }

    private String indexBehindSearches() throws IOException {
        return elasticsearch.indices().getAlias(get -> get.name(index.readAlias())).result().keySet().iterator()
                            .next();
    }
}
