package dev.jangteo.query.chat;

import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.security.Role;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.consistency.ConsistentRead;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class ChatQueryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final ChatReads reads;

    ChatQueryController(ChatReads reads) {
        this.reads = reads;
    }

    record MessagePage(String roomId, List<ChatReads.Message> messages, boolean hasMore, String nextBefore) {
    }

    record UserRooms(String userId, List<ChatReads.MemberRoom> rooms) {
    }

    /** Activity figures, no message text: for an ANALYST, or a CLIENT who is an active member. */
    @ProblemCodes({"ROOM_NOT_FOUND", "NOT_A_MEMBER"})
    @GetMapping("/api/rooms/{roomId}")
    @ConsistentRead(ChatProjection.GROUP)
    ChatReads.Room room(@PathVariable String roomId) {
        ChatReads.Room room = reads.room(roomId).orElseThrow(() -> roomNotFound(roomId));
        if (!ActingUser.hasAnyRole(Role.ANALYST)) {
            requireMember(roomId, ActingUser.subject());
        }
        return room;
    }

    /**
     * A page of history, newest first, for an active member only (the token's user; {@code userId}, when given,
     * must be that user). {@code before} is the last page's {@code nextBefore} (a message id).
     */
    @ProblemCodes({"ROOM_NOT_FOUND", "NOT_A_MEMBER"})
    @GetMapping("/api/rooms/{roomId}/messages")
    @ConsistentRead(ChatProjection.GROUP)
    MessagePage messages(@PathVariable String roomId,
                         @RequestParam(required = false) String before,
                         @RequestParam(required = false) Integer limit,
                         @RequestParam(required = false) String userId) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        if (reads.room(roomId).isEmpty()) {
            throw roomNotFound(roomId);
        }
        requireMember(roomId, ActingUser.self(userId));
        List<ChatReads.Message> rows = reads.messages(roomId, before, size + 1);
        boolean hasMore = rows.size() > size;
        List<ChatReads.Message> page = hasMore ? rows.subList(0, size) : rows;
        return new MessagePage(roomId, page, hasMore, hasMore ? page.getLast().messageId() : null);
    }

    @GetMapping("/api/users/{userId}/rooms")
    @ConsistentRead(ChatProjection.GROUP)
    UserRooms roomsOf(@PathVariable String userId) {
        return new UserRooms(userId, reads.roomsOf(userId));
    }

    private void requireMember(String roomId, String userId) {
        if (!reads.isActiveMember(roomId, userId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_A_MEMBER",
                                   userId + " is not an active member of room " + roomId);
        }
    }

    private static ApiException roomNotFound(String roomId) {
        return ApiException.notFound("ROOM_NOT_FOUND", "No room " + roomId);
    }
}
