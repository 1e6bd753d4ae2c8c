-- Read models of the "chat" processing group (dev.jangteo.query.chat.ChatProjection): rooms, memberships and the
-- message history with read markers, from which read counts, reply counts and unread counts are computed in one
-- query each.

CREATE TABLE chat_room (
    room_id         VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    group_id        VARCHAR(64),
    owner_id        VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    message_count   BIGINT       NOT NULL,
    last_message_at TIMESTAMPTZ,
    CONSTRAINT chat_room_pk PRIMARY KEY (room_id)
);

CREATE TABLE chat_member (
    room_id            VARCHAR(64) NOT NULL,
    user_id            VARCHAR(64) NOT NULL,
    status             VARCHAR(8)  NOT NULL,
    joined_at          TIMESTAMPTZ NOT NULL,
    left_at            TIMESTAMPTZ,
    -- position of the last message this member has read (0: none)
    last_read_position BIGINT      NOT NULL,
    CONSTRAINT chat_member_pk PRIMARY KEY (room_id, user_id),
    CONSTRAINT chat_member_status_ck CHECK (status IN ('ACTIVE', 'LEFT'))
);

-- A user's rooms, and the search's "rooms where this user is ACTIVE now".
CREATE INDEX chat_member_user_idx ON chat_member (user_id, status);

CREATE TABLE chat_message (
    room_id    VARCHAR(64)   NOT NULL,
    message_id VARCHAR(64)   NOT NULL,
    position   BIGINT        NOT NULL,
    sender_id  VARCHAR(64)   NOT NULL,
    text       VARCHAR(4000) NOT NULL,
    reply_to   VARCHAR(64),
    created_at TIMESTAMPTZ   NOT NULL,
    edited_at  TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    CONSTRAINT chat_message_pk PRIMARY KEY (room_id, message_id),
    -- cursor paging (newest first) and unread counts walk this index
    CONSTRAINT chat_message_position_uk UNIQUE (room_id, position)
);

-- reply counts
CREATE INDEX chat_message_reply_idx ON chat_message (room_id, reply_to) WHERE reply_to IS NOT NULL;
