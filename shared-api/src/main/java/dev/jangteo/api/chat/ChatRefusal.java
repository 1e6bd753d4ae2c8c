package dev.jangteo.api.chat;

/**
 * Why the room refused a command: an answer only the caller must see, so an exception, never an event. Each
 * refusal has the stable code of the HTTP answer.
 */
public enum ChatRefusal {
    NOT_A_MEMBER,
    NOT_THE_SENDER,
    MESSAGE_NOT_FOUND,
    MESSAGE_DELETED,
    MESSAGE_ALREADY_EXISTS,
    REPLY_OUTSIDE_ROOM
}
