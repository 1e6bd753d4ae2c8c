package dev.jangteo.command.chat;

import dev.jangteo.api.audit.RoomFold;
import dev.jangteo.command.FoldAgreement;
import dev.jangteo.command.FoldAgreement.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.quicktheories.QuickTheory.qt;

/**
 * The audit fold of rooms keeps what the Room keeps, whatever its history: members joining twice, leaving without
 * having joined, reading while not members or backwards, edits of messages never posted, messages deleted twice.
 * Two things no room's stream holds are not generated, as the aggregate cannot be sourced from them: a message id
 * posted twice (refused as MESSAGE_ALREADY_EXISTS, and the ledger would count it twice) and the deletion of a
 * message never posted (the ledger has no position to mark). A failure prints the shortest history found and its
 * seed, replayed with {@code -DQT_SEED=...}.
 */
class RoomFoldTest {

    private enum Kind { JOIN, LEAVE, POST, REPLY, EDIT, DELETE, READ }

    /** What the ledger and the fold both know of a message. */
    private record Posted(String messageId, long position, String senderId, boolean deleted) {
    }

    @Test
    void foldAgreesWithTheRoomOnAnyHistory() {
        FoldAgreement<Room> agreement = FoldAgreement
                .of(Room.class, Room::new)
                .comparedAs("messages", RoomFoldTest::ledgered, "messages", RoomFoldTest::folded);

        qt().withExamples(1_000)
            .forAll(FoldAgreement.steps(Kind.class).map(RoomFoldTest::history))
            .checkAssert(agreement::check);
    }

    private static List<Posted> ledgered(MessageLedger ledger) {
        return IntStream.range(0, ledger.size()).mapToObj(index -> {
            String id = ledger.ids().get(index);
            return new Posted(id, index + 1, ledger.senderOf(id), ledger.isDeleted(id));
        }).toList();
    }

    private static List<Posted> folded(List<RoomFold.Message> messages) {
        return messages.stream().map(message -> new Posted(message.messageId(), message.position(),
                                                           message.senderId(), message.deleted())).toList();
    }

    /** User 0 is the owner; messages are numbered as posted, and ids past the last one name messages never posted. */
    private static List<Object> history(List<Step<Kind>> steps) {
        List<Object> events = new ArrayList<>(List.of(Rooms.created(), Rooms.joined(Rooms.OWNER)));
        int posted = 0;
        for (Step<Kind> step : steps) {
            String userId = step.id() == 0 ? Rooms.OWNER : "user-" + step.id();
            String anyMessage = "message-" + (step.other() + 1);
            String postedMessage = posted == 0 ? null : "message-" + (step.other() % posted + 1);
            switch (step.kind()) {
                case JOIN -> events.add(Rooms.joined(userId));
                case LEAVE -> events.add(Rooms.left(userId));
                case POST -> events.add(Rooms.posted("message-" + ++posted, posted, userId));
                case REPLY -> events.add(postedMessage == null
                        ? Rooms.posted("message-" + ++posted, posted, userId)
                        : Rooms.replied("message-" + ++posted, posted, userId, postedMessage));
                case EDIT -> events.add(Rooms.edited(anyMessage));
                case DELETE -> {
                    if (postedMessage != null) {
                        events.add(Rooms.deleted(postedMessage));
                    }
                }
                case READ -> events.add(Rooms.read(userId, anyMessage, step.other() + 1));
            }
        }
        return events;
    }
}
