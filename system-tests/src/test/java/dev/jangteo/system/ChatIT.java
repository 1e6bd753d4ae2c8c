package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Chat rooms over HTTP: the room rules' answers, and the PostgreSQL read models with their counts. */
class ChatIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("chat", 1);

    @Test
    void canPageHistoryNewestFirstWithReadAndReplyCounts() {
        String room = Chat.createRoom(stack.command(), "ann", "trip-1");
        Chat.join(stack.command(), room, "ben");
        Chat.join(stack.command(), room, "cat");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(Chat.say(stack.command(), room, "ann", "message " + i));
        }
        assertThat(Chat.post(stack.command(), room, "ben", "reply to 2", ids.get(1)).status()).isEqualTo(201);
        assertThat(Chat.post(stack.command(), room, "cat", "another reply to 2", ids.get(1)).status())
                .isEqualTo(201);
        assertThat(Chat.markRead(stack.command(), room, "ben", ids.get(2)).status()).isEqualTo(204);
        assertThat(Chat.markRead(stack.command(), room, "cat", ids.get(0)).status()).isEqualTo(204);
        Chat.awaitHistory(stack.query(), room, 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> Chat.messages(stack.query(), room, "limit=7")
                .get("messages").get(6).get("readCount").asLong() == 2);

        JsonNode first = Chat.messages(stack.query(), room, "limit=4");
        assertThat(first.get("messages")).extracting(message -> message.get("position").asLong())
                                         .containsExactly(7L, 6L, 5L, 4L);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = Chat.messages(stack.query(), room, "limit=4&before=" + first.get("nextBefore").asText());
        assertThat(second.get("messages")).extracting(message -> message.get("position").asLong())
                                          .containsExactly(3L, 2L, 1L);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        JsonNode messageTwo = second.get("messages").get(1);
        assertThat(messageTwo.get("replyCount").asLong()).isEqualTo(2);
        assertThat(messageTwo.get("readCount").asLong()).as("ben read up to 3").isEqualTo(1);
        assertThat(second.get("messages").get(2).get("readCount").asLong()).as("ben and cat").isEqualTo(2);
        assertThat(first.get("messages").get(0).get("readCount").asLong()).isZero();
    }

    @Test
    void canCountUnreadMessagesPerRoom() {
        String busy = Chat.createRoom(stack.command(), "dan", null);
        String quiet = Chat.createRoom(stack.command(), "dan", null);
        Chat.join(stack.command(), busy, "eve");
        Chat.join(stack.command(), quiet, "eve");
        String last = null;
        for (int i = 0; i < 4; i++) {
            last = Chat.say(stack.command(), busy, "dan", "news " + i);
        }
        Chat.say(stack.command(), busy, "eve", "my own message is never unread");
        String onlyOne = Chat.say(stack.command(), quiet, "dan", "hello");
        Chat.markRead(stack.command(), quiet, "eve", onlyOne);
        Chat.awaitHistory(stack.query(), busy, 5);
        Chat.awaitHistory(stack.query(), quiet, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rooms = Http.get(stack.query().resolve("/api/users/eve/rooms")).body().get("rooms");
            assertThat(rooms).hasSize(2);
            assertThat(unread(rooms, busy)).isEqualTo(4);
            assertThat(unread(rooms, quiet)).isZero();
        });
        Chat.markRead(stack.command(), busy, "eve", last);
        Chat.leave(stack.command(), quiet, "eve");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rooms = Http.get(stack.query().resolve("/api/users/eve/rooms")).body().get("rooms");
            assertThat(rooms).hasSize(1);
            assertThat(unread(rooms, busy)).isZero();
        });
    }

    @Test
    void answersRoomRuleViolationsWithStableCodes() {
        String room = Chat.createRoom(stack.command(), "fay", null);
        String other = Chat.createRoom(stack.command(), "fay", null);
        String mine = Chat.say(stack.command(), room, "fay", "mine");
        String elsewhere = Chat.say(stack.command(), other, "fay", "elsewhere");
        Chat.join(stack.command(), room, "gus");

        assertProblem(Chat.post(stack.command(), room, "stranger", "hi", null), 403, "NOT_A_MEMBER");
        assertProblem(Chat.edit(stack.command(), room, mine, "gus", "not yours"), 403, "NOT_THE_SENDER");
        assertProblem(Chat.delete(stack.command(), room, mine, "gus"), 403, "NOT_THE_SENDER");
        assertProblem(Chat.post(stack.command(), room, "gus", "reply", elsewhere), 409, "REPLY_OUTSIDE_ROOM");
        assertProblem(Chat.edit(stack.command(), room, "no-such-message", "fay", "x"), 404, "MESSAGE_NOT_FOUND");
        assertProblem(Chat.post(stack.command(), "no-such-room", "fay", "x", null), 404, "ROOM_NOT_FOUND");
        assertThat(Chat.delete(stack.command(), room, mine, "fay").status()).isEqualTo(204);
        assertProblem(Chat.edit(stack.command(), room, mine, "fay", "too late"), 409, "MESSAGE_DELETED");
        assertProblem(Http.post(stack.command().resolve("/api/rooms"), Map.of("roomId", room, "name", "again",
                                                                                "ownerId", "fay")),
                      409, "ROOM_ALREADY_EXISTS");
        assertProblem(Chat.post(stack.command(), room, "fay", "x".repeat(4001), null), 400, "VALIDATION_FAILED");
        assertProblem(Chat.post(stack.command(), room, "fay", " ", null), 400, "VALIDATION_FAILED");
    }

    @Test
    void answersBadQueriesWith400AndUnknownRoomsWith404() {
        assertProblem(Chat.search(stack.query(), "u", "a", null), 400, "VALIDATION_FAILED");
        assertProblem(Http.get(stack.query().resolve("/api/messages/search?userId=u")), 400, "VALIDATION_FAILED");
        assertProblem(Chat.search(stack.query(), "u", "hello", "limit=0"), 400, "VALIDATION_FAILED");
        assertProblem(Chat.search(stack.query(), "u", "hello", "limit=101"), 400, "VALIDATION_FAILED");
        assertProblem(Chat.search(stack.query(), "u", "hello", "offset=9990&limit=20"), 400, "VALIDATION_FAILED");
        assertProblem(Chat.search(stack.query(), "u", "hello", "offset=-1"), 400, "VALIDATION_FAILED");
        assertProblem(Chat.search(stack.query(), "u", "hello", "limit=lots"), 400, "VALIDATION_FAILED");
        assertProblem(Http.get(stack.query().resolve("/api/rooms/no-such-room/messages")), 404, "ROOM_NOT_FOUND");
        String room = Chat.createRoom(stack.command(), "hal", null);
        Chat.awaitHistory(stack.query(), room, 0);
        assertProblem(Http.get(stack.query().resolve("/api/rooms/" + room + "/messages?limit=500")), 400,
                      "VALIDATION_FAILED");
        assertProblem(Http.get(stack.query().resolve("/api/rooms/" + room + "/messages?userId=stranger")), 403,
                      "NOT_A_MEMBER");
    }

    private static long unread(JsonNode rooms, String roomId) {
        for (JsonNode room : rooms) {
            if (room.get("roomId").asText().equals(roomId)) {
                return room.get("unreadCount").asLong();
            }
        }
        throw new AssertionError("no room " + roomId + " in " + rooms);
    }

    private static void assertProblem(Answer response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
