package dev.jangteo.query.operations.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators split a group's segment in two and merge the halves back (how a group made with fewer segments gets its
 * share for several instances); events reach the read model afterwards. (A tracking group runs at most thread-count
 * segments on one instance, two here, so three segments are not all processed by one instance alone.)
 */
class SegmentsIT extends QuerySideStack {

    @Test
    void canSplitASegmentAndMergeItBack() {
        assertThat(segments(http.get("/api/admin/processors/accounts").body())).containsExactly(0, 1);

        Answer split = http.post("/api/admin/processors/accounts/segments/0/split");
        assertThat(split.status()).as("%s", split.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
               .until(() -> segments(http.get("/api/admin/processors/accounts").body()).size() == 3);

        Answer merge = http.post("/api/admin/processors/accounts/segments/0/merge");
        assertThat(merge.status()).as("%s", merge.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
               .until(() -> segments(http.get("/api/admin/processors/accounts").body()).size() == 2);
        openAndAwait();
    }

    @Test
    void cannotSplitASegmentThatDoesNotExist() {
        Answer split = http.post("/api/admin/processors/accounts/segments/7/split");

        assertThat(split.status()).isEqualTo(409);
        assertThat(split.code()).isEqualTo("SEGMENT_NOT_CHANGED");
    }

    private void openAndAwait() {
        String user = Ids.of("user");
        long opened = history.append("Account", user, new AccountOpenedEvent(user, user + "@jangteo.dev", "Kim"));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/accounts/" + user, opened).status() == 200);
    }

    private static List<Integer> segments(JsonNode processor) {
        List<Integer> ids = new ArrayList<>();
        processor.path("segments").forEach(segment -> ids.add(segment.path("segment").asInt()));
        return ids;
    }
}
