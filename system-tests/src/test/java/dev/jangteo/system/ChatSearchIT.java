package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message search on the real Elasticsearch with our Korean analysis plugin: Korean particles and compounds,
 * English stemming and mixed script; what a user may see (active membership now, never deleted messages); edits;
 * and that redelivering or replaying every event leaves the index exactly as it was.
 */
class ChatSearchIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("chatsearch", 1);

    private static final String READER = "reader";
    private static final Map<String, String> TEXTS = new LinkedHashMap<>();
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    static {
        TEXTS.put("seoulMarathon", "서울에서 마라톤을 달렸습니다");
        TEXTS.put("busanSwim", "부산 해운대에서 수영했어요");
        TEXTS.put("jejuPlan", "제주도 여행 일정을 공유합니다");
        TEXTS.put("englishMarathon", "We ran the Seoul marathon yesterday");
        TEXTS.put("shoes", "Running shoes are on sale at the market");
        TEXTS.put("iphoneCase", "아이폰 케이스를 iPhone 15용으로 샀어요");
        TEXTS.put("galaxy", "Galaxy S24 카메라가 정말 좋아요");
        TEXTS.put("station", "서울역 근처 맛집 추천해 주세요");
        TEXTS.put("flight", "비행기 표를 예약했습니다");
        TEXTS.put("hotel", "The hotel booking is confirmed for Jeju");
        TEXTS.put("bbq", "삼겹살 먹으러 가요");
        TEXTS.put("park", "한강공원에서 자전거를 탔어요");
    }

    @BeforeAll
    static void postTheCorpus() {
        String room = Chat.createRoom(stack.command(), READER, "trip-seoul");
        TEXTS.forEach((label, text) -> IDS.put(label, Chat.say(stack.command(), room, READER, text)));
        await().atMost(Duration.ofSeconds(60)).until(() -> Chat.indexedMessages(stack.get()).size() >= TEXTS.size());
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                row("서울", List.of("seoulMarathon", "station"), List.of("busanSwim", "englishMarathon")),
                row("서울에서", List.of("seoulMarathon"), List.of("busanSwim", "flight")),
                row("마라톤", List.of("seoulMarathon"), List.of("englishMarathon")),
                row("마라톤을", List.of("seoulMarathon"), List.of("englishMarathon", "shoes")),
                row("marathon", List.of("englishMarathon"), List.of("seoulMarathon")),
                row("Seoul", List.of("englishMarathon"), List.of("seoulMarathon", "station")),
                row("해운대", List.of("busanSwim"), List.of("seoulMarathon")),
                row("수영", List.of("busanSwim"), List.of("seoulMarathon")),
                row("제주", List.of("jejuPlan"), List.of("hotel")),
                row("jeju", List.of("hotel"), List.of("jejuPlan")),
                row("running", List.of("shoes"), List.of("englishMarathon")),
                row("shoe", List.of("shoes"), List.of("englishMarathon")),
                row("iphone", List.of("iphoneCase"), List.of("galaxy")),
                row("아이폰 케이스", List.of("iphoneCase"), List.of("galaxy")),
                row("galaxy 카메라", List.of("galaxy"), List.of("iphoneCase")),
                row("맛집", List.of("station"), List.of("bbq")),
                row("공원", List.of("park"), List.of("station")),
                row("예약", List.of("flight"), List.of("hotel")),
                row("booked", List.of("hotel"), List.of("flight")),
                row("삼겹살", List.of("bbq"), List.of("park")));
    }

    @ParameterizedTest(name = "{0} finds {1}, not {2}")
    @MethodSource("queries")
    void canFindByMeaningfulWords(String q, List<String> mustFind, List<String> mustNotFind) {
        Set<String> found = Chat.found(stack.query(), READER, q);

        assertThat(found).containsAll(ids(mustFind)).doesNotContainAnyElementsOf(ids(mustNotFind));
    }

    @Test
    void canAnswerWithTotalHighlightAndPaging() {
        Answer first = Chat.search(stack.query(), READER, "서울", "limit=1");

        assertThat(first.body().get("total").asLong()).isEqualTo(2);
        assertThat(first.body().get("hasMore").asBoolean()).isTrue();
        JsonNode hit = first.body().get("data").get(0);
        assertThat(hit.get("highlight").asText()).contains("<em>");
        assertThat(hit.get("groupId").asText()).isEqualTo("trip-seoul");
        assertThat(hit.get("score").asDouble()).isPositive();
        Answer second = Chat.search(stack.query(), READER, "서울", "limit=1&offset=1");
        assertThat(second.body().get("hasMore").asBoolean()).isFalse();
        assertThat(second.body().get("data").get(0).get("messageId").asText())
                .isNotEqualTo(hit.get("messageId").asText());
    }

    @Test
    void canFilterByGroupAndRoom() {
        assertThat(Chat.found(stack.query(), READER, "서울")).isNotEmpty();
        assertThat(Chat.search(stack.query(), READER, "서울", "groupId=another-trip").body().get("total").asLong())
                .isZero();
        assertThat(Chat.search(stack.query(), READER, "서울", "roomId=another-room").body().get("total").asLong())
                .isZero();
    }

    @Test
    void canSeeOnlyRoomsWhereTheUserIsActiveNow() {
        String secret = Chat.createRoom(stack.command(), "host", "trip-busan");
        String planId = Chat.say(stack.command(), secret, "host", "비밀 회의는 금요일 오후입니다");
        awaitIndexed(secret, planId);

        assertThat(Chat.found(stack.query(), "guest", "비밀 회의")).as("never a member").isEmpty();

        assertThat(Chat.join(stack.command(), secret, "guest").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> Chat.found(stack.query(), "guest", "비밀 회의")
                                                               .contains(planId));

        assertThat(Chat.leave(stack.command(), secret, "guest").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> Chat.found(stack.query(), "guest", "비밀 회의").isEmpty());
        assertThat(Chat.found(stack.query(), "host", "비밀 회의")).containsExactly(planId);
    }

    @Test
    void canSeeEditsAndNeverDeletedMessages() {
        String room = Chat.createRoom(stack.command(), "editor", null);
        String messageId = Chat.say(stack.command(), room, "editor", "내일 아침 기차를 탑니다 train");
        awaitIndexed(room, messageId);
        assertThat(Chat.found(stack.query(), "editor", "기차")).containsExactly(messageId);

        assertThat(Chat.edit(stack.command(), room, messageId, "editor", "내일 아침 버스를 탑니다 bus").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> Chat.found(stack.query(), "editor", "기차").isEmpty());
        assertThat(Chat.found(stack.query(), "editor", "버스")).containsExactly(messageId);

        assertThat(Chat.delete(stack.command(), room, messageId, "editor").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> Chat.found(stack.query(), "editor", "버스").isEmpty());
        assertThat(Chat.messages(stack.query(), room, "").get("messages").get(0).get("deleted").asBoolean()).isTrue();
    }

    @Test
    void canRedeliverEveryEventWithoutChangingTheIndex() throws Exception {
        String room = Chat.createRoom(stack.command(), "replayer", null);
        String kept = Chat.say(stack.command(), room, "replayer", "first words 처음");
        String edited = Chat.say(stack.command(), room, "replayer", "second words 두번째");
        String gone = Chat.say(stack.command(), room, "replayer", "third words 세번째");
        Chat.edit(stack.command(), room, edited, "replayer", "second words, edited 수정");
        Chat.delete(stack.command(), room, gone, "replayer");
        Chat.awaitHistory(stack.query(), room, 3);
        Chat.awaitIndexEqualsHistory(stack.get());
        Map<String, JsonNode> before = Search.documents(stack.get());
        assertThat(before).containsKey(room + "/" + kept).doesNotContainKey(room + "/" + gone);

        stack.get().stopQuerySide();
        try (Connection connection = stack.connect()) {
            connection.createStatement().execute(
                    "DELETE FROM query_side.token_entry WHERE processor_name = 'message-search'");
        }
        stack.get().startQuerySide();
        awaitCaughtUp();

        assertThat(Search.documents(stack.get())).as("same documents, versions and index").isEqualTo(before);
    }

    @Test
    void canReplayIntoANewIndexWhileSearchesKeepAnswering() {
        Chat.awaitIndexEqualsHistory(stack.get());
        Map<String, JsonNode> before = withoutIndexName(Search.documents(stack.get()));
        List<String> oldIndex = Search.indicesBehindReadAlias(stack.get());

        Answer replay = Http.post(stack.query().resolve("/api/admin/processors/message-search/replay"), "{}");
        assertThat(replay.status()).isEqualTo(202);
        assertThat(Chat.found(stack.query(), READER, "마라톤")).as("searches answer during the rebuild")
                                                           .contains(IDS.get("seoulMarathon"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
               .until(() -> !Search.indicesBehindReadAlias(stack.get()).equals(oldIndex));

        assertThat(withoutIndexName(Search.documents(stack.get()))).isEqualTo(before);
        assertThat(Chat.found(stack.query(), READER, "마라톤")).containsExactly(IDS.get("seoulMarathon"));
    }

    /** Indexed, and the membership read model (another processor) has the room too. */
    private static void awaitIndexed(String roomId, String messageId) {
        await().atMost(Duration.ofSeconds(30))
               .until(() -> Search.documents(stack.get()).containsKey(roomId + "/" + messageId));
        Chat.awaitHistory(stack.query(), roomId, 1);
    }

    private static void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode status = Http.get(stack.query().resolve("/api/admin/processors/message-search")).body();
            assertThat(status.path("segments")).as("%s", status).isNotEmpty()
                                               .allMatch(segment -> segment.get("caughtUp").asBoolean());
            assertThat(status.get("replaying").asBoolean()).as("%s", status).isFalse();
        });
    }

    private static Map<String, JsonNode> withoutIndexName(Map<String, JsonNode> documents) {
        Map<String, JsonNode> stripped = new LinkedHashMap<>();
        documents.forEach((id, hit) -> stripped.put(id, ((com.fasterxml.jackson.databind.node.ObjectNode) hit.deepCopy())
                .without(List.of("_index", "_score"))));
        return stripped;
    }

    private static List<String> ids(List<String> labels) {
        return labels.stream().map(IDS::get).toList();
    }

    private static Arguments row(String q, List<String> mustFind, List<String> mustNotFind) {
        return Arguments.of(q, mustFind, mustNotFind);
    }
}
