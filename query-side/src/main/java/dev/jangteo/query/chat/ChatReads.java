package dev.jangteo.query.chat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The chat read queries (tables of schema query_side, named in full: plain JDBC connections do not search it),
 * each one SQL statement: counts come from correlated subqueries on indexed columns, never
 * from a query per message or per room (no N+1).
 */
@Repository
public class ChatReads {

    private static final String MESSAGES = """
            SELECT m.message_id, m.position, m.sender_id, m.reply_to, m.created_at, m.edited_at,
                   m.deleted_at IS NOT NULL AS deleted,
                   CASE WHEN m.deleted_at IS NULL THEN m.text END AS text,
                   (SELECT count(*) FROM query_side.chat_member r
                     WHERE r.room_id = m.room_id AND r.user_id <> m.sender_id
                       AND r.last_read_position >= m.position) AS read_count,
                   (SELECT count(*) FROM query_side.chat_message c
                     WHERE c.room_id = m.room_id AND c.reply_to = m.message_id AND c.deleted_at IS NULL) AS reply_count
            FROM query_side.chat_message m
            WHERE m.room_id = :roomId %s
            ORDER BY m.position DESC
            LIMIT :limit""";
    private static final String BEFORE_CURSOR = """
            AND m.position < (SELECT b.position FROM query_side.chat_message b
                               WHERE b.room_id = :roomId AND b.message_id = :before)""";

    private final JdbcClient jdbc;

    ChatReads(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    record Room(String roomId, String name, String groupId, String ownerId, Instant createdAt, long messageCount,
                Instant lastMessageAt) {
    }

    record Message(String messageId, long position, String senderId, String text, String replyTo,
                   Instant createdAt, Instant editedAt, boolean deleted, long readCount, long replyCount) {
    }

    record MemberRoom(String roomId, String name, String groupId, long messageCount, Instant lastMessageAt,
                      long lastReadPosition, long unreadCount) {
    }

    Optional<Room> room(String roomId) {
        return jdbc.sql("""
                           SELECT room_id, name, group_id, owner_id, created_at, message_count, last_message_at
                           FROM query_side.chat_room WHERE room_id = :roomId""")
                   .param("roomId", roomId)
                   .query((row, i) -> new Room(row.getString("room_id"), row.getString("name"),
                                               row.getString("group_id"), row.getString("owner_id"),
                                               instant(row, "created_at"), row.getLong("message_count"),
                                               instant(row, "last_message_at")))
                   .optional();
    }

    /** Newest first, before the message {@code before} (exclusive) when given; up to {@code limit} rows. */
    List<Message> messages(String roomId, String before, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql(MESSAGES.formatted(before == null ? "" : BEFORE_CURSOR))
                                                 .param("roomId", roomId)
                                                 .param("limit", limit);
        if (before != null) {
            statement = statement.param("before", before);
        }
        return statement.query((row, i) -> new Message(
                row.getString("message_id"), row.getLong("position"), row.getString("sender_id"),
                row.getString("text"), row.getString("reply_to"), instant(row, "created_at"),
                instant(row, "edited_at"), row.getBoolean("deleted"), row.getLong("read_count"),
                row.getLong("reply_count"))).list();
    }

    /** The rooms where the user is an active member, latest activity first, with their unread counts. */
    List<MemberRoom> roomsOf(String userId) {
        return jdbc.sql("""
                           SELECT r.room_id, r.name, r.group_id, r.message_count, r.last_message_at,
                                  mem.last_read_position,
                                  (SELECT count(*) FROM query_side.chat_message m
                                    WHERE m.room_id = r.room_id AND m.position > mem.last_read_position
                                      AND m.sender_id <> mem.user_id AND m.deleted_at IS NULL) AS unread_count
                           FROM query_side.chat_member mem JOIN query_side.chat_room r ON r.room_id = mem.room_id
                           WHERE mem.user_id = :userId AND mem.status = 'ACTIVE'
                           ORDER BY r.last_message_at DESC NULLS LAST, r.room_id""")
                   .param("userId", userId)
                   .query((row, i) -> new MemberRoom(row.getString("room_id"), row.getString("name"),
                                                     row.getString("group_id"), row.getLong("message_count"),
                                                     instant(row, "last_message_at"),
                                                     row.getLong("last_read_position"), row.getLong("unread_count")))
                   .list();
    }

    boolean isActiveMember(String roomId, String userId) {
        return jdbc.sql("SELECT count(*) FROM query_side.chat_member "
                                + "WHERE room_id = :roomId AND user_id = :userId AND status = 'ACTIVE'")
                   .param("roomId", roomId)
                   .param("userId", userId)
                   .query(Long.class).single() > 0;
    }

    /** Ids of the rooms where the user is an active member now: the search's membership filter. */
    public List<String> activeRoomIds(String userId) {
        return jdbc.sql("SELECT room_id FROM query_side.chat_member WHERE user_id = :userId AND status = 'ACTIVE'")
                   .param("userId", userId)
                   .query(String.class).list();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
