package dev.jangteo.command.chat;

import dev.jangteo.api.chat.ChatRefusal;
import dev.jangteo.api.chat.PostMessageCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.jangteo.command.chat.Rooms.GROUP;
import static dev.jangteo.command.chat.Rooms.ID;
import static dev.jangteo.command.chat.Rooms.OWNER;
import static dev.jangteo.command.chat.Rooms.create;
import static dev.jangteo.command.chat.Rooms.created;
import static dev.jangteo.command.chat.Rooms.delete;
import static dev.jangteo.command.chat.Rooms.deleted;
import static dev.jangteo.command.chat.Rooms.edit;
import static dev.jangteo.command.chat.Rooms.edited;
import static dev.jangteo.command.chat.Rooms.join;
import static dev.jangteo.command.chat.Rooms.joined;
import static dev.jangteo.command.chat.Rooms.leave;
import static dev.jangteo.command.chat.Rooms.left;
import static dev.jangteo.command.chat.Rooms.markRead;
import static dev.jangteo.command.chat.Rooms.post;
import static dev.jangteo.command.chat.Rooms.posted;
import static dev.jangteo.command.chat.Rooms.read;
import static dev.jangteo.command.chat.Rooms.replied;
import static dev.jangteo.command.chat.Rooms.reply;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;

class RoomTest {

    private AggregateTestFixture<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
    }

    @Test
    void canCreateRoomWithItsOwnerAsMember() {
        fixture.givenNoPriorActivity()
               .when(create())
               .expectEvents(created(), joined(OWNER));
    }

    @Test
    void cannotJoinUnknownRoom() {
        fixture.givenNoPriorActivity()
               .when(join("bob"))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void canJoinRoom() {
        fixture.given(created(), joined(OWNER))
               .when(join("bob"))
               .expectEvents(joined("bob"));
    }

    @Test
    void canJoinTwiceWithoutChangingAnything() {
        fixture.given(created(), joined(OWNER), joined("bob"))
               .when(join("bob"))
               .expectNoEvents();
    }

    @Test
    void canLeaveRoom() {
        fixture.given(created(), joined(OWNER), joined("bob"))
               .when(leave("bob"))
               .expectEvents(left("bob"));
    }

    @Test
    void cannotLeaveRoomWithoutBeingMember() {
        fixture.given(created(), joined(OWNER))
               .when(leave("bob"))
               .expectException(refused(ChatRefusal.NOT_A_MEMBER));
    }

    @Test
    void canPostAsActiveMember() {
        fixture.given(created(), joined(OWNER))
               .when(post("m1", OWNER))
               .expectEvents(posted("m1", 1, OWNER))
               .expectResultMessagePayload(1L);
    }

    @Test
    void canNumberMessagesInPostingOrder() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER))
               .when(post("m2", OWNER))
               .expectEvents(posted("m2", 2, OWNER));
    }

    @Test
    void cannotPostWithoutBeingMember() {
        fixture.given(created(), joined(OWNER))
               .when(post("m1", "mallory"))
               .expectException(refused(ChatRefusal.NOT_A_MEMBER));
    }

    @Test
    void cannotPostAfterLeaving() {
        fixture.given(created(), joined(OWNER), joined("bob"), left("bob"))
               .when(post("m1", "bob"))
               .expectException(refused(ChatRefusal.NOT_A_MEMBER));
    }

    @Test
    void cannotPostTwoMessagesWithOneId() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER))
               .when(post("m1", OWNER))
               .expectException(refused(ChatRefusal.MESSAGE_ALREADY_EXISTS));
    }

    @Test
    void canReplyToMessageOfSameRoom() {
        fixture.given(created(), joined(OWNER), joined("bob"), posted("m1", 1, OWNER))
               .when(reply("m2", "bob", "m1"))
               .expectEvents(replied("m2", 2, "bob", "m1"));
    }

    @Test
    void cannotReplyToMessageOfAnotherRoom() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER))
               .when(reply("m2", OWNER, "message-of-another-room"))
               .expectException(refused(ChatRefusal.REPLY_OUTSIDE_ROOM));
    }

    @Test
    void cannotReplyToDeletedMessage() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER), deleted("m1"))
               .when(reply("m2", OWNER, "m1"))
               .expectException(refused(ChatRefusal.MESSAGE_DELETED));
    }

    @Test
    void canEditOwnMessage() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER))
               .when(edit("m1", OWNER))
               .expectEvents(edited("m1"));
    }

    @Test
    void cannotEditSomeoneElsesMessage() {
        fixture.given(created(), joined(OWNER), joined("bob"), posted("m1", 1, OWNER))
               .when(edit("m1", "bob"))
               .expectException(refused(ChatRefusal.NOT_THE_SENDER));
    }

    @Test
    void cannotEditDeletedMessage() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER), deleted("m1"))
               .when(edit("m1", OWNER))
               .expectException(refused(ChatRefusal.MESSAGE_DELETED));
    }

    @Test
    void cannotEditUnknownMessage() {
        fixture.given(created(), joined(OWNER))
               .when(edit("nothing", OWNER))
               .expectException(refused(ChatRefusal.MESSAGE_NOT_FOUND));
    }

    @Test
    void cannotEditOwnMessageAfterLeaving() {
        fixture.given(created(), joined(OWNER), joined("bob"), posted("m1", 1, "bob"), left("bob"))
               .when(edit("m1", "bob"))
               .expectException(refused(ChatRefusal.NOT_A_MEMBER));
    }

    @Test
    void canDeleteOwnMessage() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER))
               .when(delete("m1", OWNER))
               .expectEvents(deleted("m1"));
    }

    @Test
    void cannotDeleteSomeoneElsesMessage() {
        fixture.given(created(), joined(OWNER), joined("bob"), posted("m1", 1, OWNER))
               .when(delete("m1", "bob"))
               .expectException(refused(ChatRefusal.NOT_THE_SENDER));
    }

    @Test
    void canDeleteTwiceWithoutChangingAnything() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER), deleted("m1"))
               .when(delete("m1", OWNER))
               .expectNoEvents();
    }

    @Test
    void canMarkMessagesRead() {
        fixture.given(created(), joined(OWNER), joined("bob"), posted("m1", 1, OWNER), posted("m2", 2, OWNER))
               .when(markRead("bob", "m2"))
               .expectEvents(read("bob", "m2", 2));
    }

    @Test
    void canMarkAnOlderMessageReadWithoutMovingTheMarkerBack() {
        fixture.given(created(), joined(OWNER), joined("bob"), posted("m1", 1, OWNER), posted("m2", 2, OWNER),
                      read("bob", "m2", 2))
               .when(markRead("bob", "m1"))
               .expectNoEvents();
    }

    @Test
    void cannotMarkReadWithoutBeingMember() {
        fixture.given(created(), joined(OWNER), posted("m1", 1, OWNER))
               .when(markRead("mallory", "m1"))
               .expectException(refused(ChatRefusal.NOT_A_MEMBER));
    }

    @Test
    void cannotMarkUnknownMessageRead() {
        fixture.given(created(), joined(OWNER))
               .when(markRead(OWNER, "nothing"))
               .expectException(refused(ChatRefusal.MESSAGE_NOT_FOUND));
    }

    @Test
    void canCarryTheRoomsGroupOnEveryMessage() {
        fixture.given(created(), joined(OWNER))
               .when(new PostMessageCommand(ID, "m1", OWNER, "hello", null))
               .expectEvents(new dev.jangteo.api.chat.MessagePostedEvent(ID, "m1", 1, OWNER, "hello", null, GROUP));
    }

    private static Matcher<?> refused(ChatRefusal refusal) {
        return Matchers.predicate(failure -> failure instanceof ChatRuleViolation violation
                && violation.rule() == refusal);
    }
}
