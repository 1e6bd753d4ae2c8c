package dev.jangteo.api.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Chat commands that can never be valid cannot be built. */
class ChatCommandsTest {

    @Test
    void cannotPostBlankText() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PostMessageCommand("room", "m1", "alice", "  ", null))
                .withMessageContaining("text");
    }

    @Test
    void cannotPostMoreThanFourThousandCharacters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PostMessageCommand("room", "m1", "alice", "가".repeat(4001), null))
                .withMessageContaining("text");
    }

    @Test
    void canPostExactlyFourThousandCharacters() {
        assertThatNoException().isThrownBy(() -> new PostMessageCommand("room", "m1", "alice", "가".repeat(4000), null));
    }

    @Test
    void cannotPostWithoutSender() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PostMessageCommand("room", "m1", null, "hi", null))
                .withMessageContaining("senderId");
    }

    @Test
    void cannotReplyToABlankId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PostMessageCommand("room", "m1", "alice", "hi", " "))
                .withMessageContaining("replyTo");
    }

    @Test
    void cannotCreateRoomWithoutName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CreateRoomCommand("room", "", null, "alice"))
                .withMessageContaining("name");
    }

    @Test
    void cannotUseAnOverlongId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JoinRoomCommand("r".repeat(65), "alice"))
                .withMessageContaining("roomId");
    }

    @Test
    void cannotMarkReadWithoutMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MarkReadCommand("room", "alice", null))
                .withMessageContaining("upToMessageId");
    }
}
