package dev.jangteo.system;

import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restarted command side has no cached room: it loads the latest snapshot (members with read markers and the
 * message ledger, read back by Jackson) plus the events after it, and applies every room rule as before.
 */
class RoomSnapshotIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("roomsnapshot", 1, "--jangteo.chat.snapshot-threshold=5");

    @Test
    void canApplyEveryRuleFromASnapshotAfterARestart() throws Exception {
        String room = Chat.createRoom(stack.command(), "jay", null);
        Chat.join(stack.command(), room, "kim");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(Chat.say(stack.command(), room, i % 2 == 0 ? "jay" : "kim", "message " + i));
        }
        Chat.delete(stack.command(), room, ids.get(4), "jay");
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.get().snapshotsOf(room) > 0);

        stack.get().restartCommandSide(0);

        assertThat(Chat.edit(stack.command(), room, ids.get(1), "jay", "not mine").code()).isEqualTo("NOT_THE_SENDER");
        assertThat(Chat.edit(stack.command(), room, ids.get(4), "jay", "deleted").code()).isEqualTo("MESSAGE_DELETED");
        assertThat(Chat.post(stack.command(), room, "stranger", "hello", null).code()).isEqualTo("NOT_A_MEMBER");
        assertThat(Http.post(stack.command().resolve("/api/rooms/" + room + "/messages"),
                             Map.of("messageId", ids.get(3), "senderId", "jay", "text", "again")).code())
                .isEqualTo("MESSAGE_ALREADY_EXISTS");
        Answer reply = Chat.post(stack.command(), room, "kim", "a reply", ids.get(6));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("position").asLong()).isEqualTo(24);
        assertThat(Chat.edit(stack.command(), room, ids.get(1), "kim", "mine").status()).isEqualTo(204);
        assertThat(stack.get().commandSideLog(0)).as("Axon fell back to a full replay")
                                                 .doesNotContain("Error reading snapshot");
    }
}
