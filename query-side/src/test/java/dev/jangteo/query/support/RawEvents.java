package dev.jangteo.query.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes rows straight into the event table, as an older version of the command side (or a forger) would have:
 * any payload type, revision and JSON. Returns the row's global position.
 */
public final class RawEvents {

    private RawEvents() {
    }

    public static long insert(JdbcClient jdbc, String aggregateType, String aggregateId, long sequence,
                              String payloadType, String revision, String json) {
        return jdbc.sql("INSERT INTO command_side.domain_event_entry (event_identifier, aggregate_identifier, "
                                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                                + "meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING global_index")
                   .params(UUID.randomUUID().toString(), aggregateId, sequence, aggregateType,
                           Instant.now().atOffset(ZoneOffset.UTC), payloadType, revision,
                           json.getBytes(StandardCharsets.UTF_8),
                           "{\"correlationId\":\"old\",\"actingUser\":\"legacy\"}".getBytes(StandardCharsets.UTF_8))
                   .query(Long.class)
                   .single();
    }
}
