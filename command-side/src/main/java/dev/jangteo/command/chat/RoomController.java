package dev.jangteo.command.chat;

import dev.jangteo.api.chat.CreateRoomCommand;
import dev.jangteo.api.chat.DeleteMessageCommand;
import dev.jangteo.api.chat.EditMessageCommand;
import dev.jangteo.api.chat.JoinRoomCommand;
import dev.jangteo.api.chat.LeaveRoomCommand;
import dev.jangteo.api.chat.MarkReadCommand;
import dev.jangteo.api.chat.PostMessageCommand;
import dev.jangteo.command.web.CommandSender;
import dev.jangteo.command.web.idempotency.IdempotentAttempt;
import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.platform.web.Validated;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;


/** Commands on chat rooms. Each refusal of a room rule leaves as problem+json with its stable code. */
@RestController
@ProblemCodes("COMMAND_TIMEOUT")
@RequestMapping("/api/rooms")
class RoomController {

    private final CommandSender commands;

    RoomController(CommandSender commands) {
        this.commands = commands;
    }

    record CreateRoomRequest(String roomId, String name, String groupId, String ownerId) {
    }

    record RoomCreated(String roomId) {
    }

    record MemberRequest(String userId) {
    }

    record PostMessageRequest(String messageId, String senderId, String text, String replyTo) {
    }

    record MessagePosted(String roomId, String messageId, long position) {
    }

    record EditMessageRequest(String userId, String text) {
    }

    record MarkReadRequest(String userId, String upToMessageId) {
    }

    @ProblemCodes("ROOM_ALREADY_EXISTS")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RoomCreated create(@RequestBody CreateRoomRequest request) {
        CreateRoomCommand command = Validated.of(() -> new CreateRoomCommand(
                request.roomId() == null ? IdempotentAttempt.newId() : request.roomId(),
                request.name(), request.groupId(), ActingUser.self(request.ownerId())));
        send(command, command.roomId());
        return new RoomCreated(command.roomId());
    }

    @ProblemCodes("ROOM_NOT_FOUND")
    @PostMapping("/{roomId}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void join(@PathVariable String roomId, @RequestBody MemberRequest request) {
        String userId = ActingUser.self(request.userId());
        send(Validated.of(() -> new JoinRoomCommand(roomId, userId)), roomId);
    }

    @ProblemCodes({"ROOM_NOT_FOUND", "NOT_A_MEMBER"})
    @DeleteMapping("/{roomId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@PathVariable String roomId, @PathVariable String userId) {
        send(Validated.of(() -> new LeaveRoomCommand(roomId, ActingUser.self(userId))), roomId);
    }

    @ProblemCodes({"ROOM_NOT_FOUND", "NOT_A_MEMBER", "MESSAGE_ALREADY_EXISTS", "REPLY_OUTSIDE_ROOM", "MESSAGE_DELETED"})
    @PostMapping("/{roomId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessagePosted post(@PathVariable String roomId, @RequestBody PostMessageRequest request) {
        PostMessageCommand command = Validated.of(() -> new PostMessageCommand(
                roomId, request.messageId() == null ? IdempotentAttempt.newId() : request.messageId(),
                ActingUser.self(request.senderId()), request.text(), request.replyTo()));
        long position = send(command, roomId);
        return new MessagePosted(roomId, command.messageId(), position);
    }

    @ProblemCodes({"ROOM_NOT_FOUND", "NOT_A_MEMBER", "MESSAGE_NOT_FOUND", "NOT_THE_SENDER", "MESSAGE_DELETED"})
    @PutMapping("/{roomId}/messages/{messageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void edit(@PathVariable String roomId, @PathVariable String messageId, @RequestBody EditMessageRequest request) {
        String userId = ActingUser.self(request.userId());
        send(Validated.of(() -> new EditMessageCommand(roomId, messageId, userId, request.text())), roomId);
    }

    @ProblemCodes({"ROOM_NOT_FOUND", "NOT_A_MEMBER", "MESSAGE_NOT_FOUND", "NOT_THE_SENDER"})
    @DeleteMapping("/{roomId}/messages/{messageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String roomId, @PathVariable String messageId,
                @RequestParam(required = false) String userId) {
        String sender = ActingUser.self(userId);
        send(Validated.of(() -> new DeleteMessageCommand(roomId, messageId, sender)), roomId);
    }

    @ProblemCodes({"ROOM_NOT_FOUND", "NOT_A_MEMBER", "MESSAGE_NOT_FOUND"})
    @PostMapping("/{roomId}/reads")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@PathVariable String roomId, @RequestBody MarkReadRequest request) {
        String userId = ActingUser.self(request.userId());
        send(Validated.of(() -> new MarkReadCommand(roomId, userId, request.upToMessageId())), roomId);
    }

    /** Unknown room → 404 ROOM_NOT_FOUND, a taken id → 409 ROOM_ALREADY_EXISTS; room rules → their own codes. */
    private <R> R send(Object command, String roomId) {
        return commands.await(command, "ROOM", roomId);
    }
}
