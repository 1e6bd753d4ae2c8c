package dev.jangteo.api.chat;

import dev.jangteo.api.Require;

/** The sizes every chat message agrees on, and the guards that use them. */
public final class ChatLimits {

    public static final int MAX_ID_LENGTH = Require.MAX_ID_LENGTH;
    public static final int MAX_ROOM_NAME_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 4000;

    private ChatLimits() {
    }

    public static String id(String value, String field) {
        return Require.id(value, field);
    }

    /** An optional id: absent, or a valid one. */
    public static String optionalId(String value, String field) {
        return value == null ? null : id(value, field);
    }

    /** 1..4000 characters, not only white space. */
    public static String text(String value) {
        return Require.text(value, "text", MAX_TEXT_LENGTH);
    }
}
