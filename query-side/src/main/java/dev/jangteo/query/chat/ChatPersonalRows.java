package dev.jangteo.query.chat;

import dev.jangteo.query.readmodel.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For the data export: every room the user joined (also those they left) and the messages they sent (a deleted
 * message without its text, as nobody can read it any more).
 */
@Component
@Order(50)
class ChatPersonalRows implements PersonalRows {

    private final JdbcClient jdbc;

    ChatPersonalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> sectionsOf(String userId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("rooms", jdbc.sql("""
                SELECT r.room_id, r.name, r.owner_id = m.user_id AS owner, m.status, m.joined_at, m.left_at,
                       m.last_read_position
                FROM query_side.chat_member m JOIN query_side.chat_room r ON r.room_id = m.room_id
                WHERE m.user_id = ? ORDER BY m.joined_at, r.room_id""")
                                  .param(userId).query(ROW).list());
        sections.put("messages", jdbc.sql("""
                SELECT room_id, message_id, position, CASE WHEN deleted_at IS NULL THEN text END AS text, reply_to,
                       created_at, edited_at, deleted_at
                FROM query_side.chat_message WHERE sender_id = ? ORDER BY created_at, room_id, position""")
                                     .param(userId).query(ROW).list());
        return sections;
    }
}
