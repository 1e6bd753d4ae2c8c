package dev.jangteo.query.consistency;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * The committed tracking tokens of a processing group, read (never claimed) from {@code query_side.token_entry}. A
 * token is what the token store wrote: the general serializer's JSON of the token class named in
 * {@code token_type}, e.g. {@code {"index":42,"gaps":[40]}} for a GapAwareTrackingToken (the JDBC store),
 * {@code {"globalIndex":42}} for a GlobalSequenceTrackingToken (Axon Server, the remote-like store), or a ReplayToken
 * whose {@code tokenAtReset} and {@code currentToken} carry their own {@code @class}.
 */
@Component
public class StoredTokens {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    StoredTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Segment id to token (null for a segment that has processed nothing yet). */
    public Map<Integer, TrackingToken> of(String processorName) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM query_side.token_entry WHERE processor_name = ?")
            .param(processorName)
            .query(row -> {
                tokens.put(row.getInt("segment"), read(row.getBytes("token"), row.getString("token_type")));
            });
        return tokens;
    }

    TrackingToken read(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(token, byte[].class, tokenType, null);
        return serializer.deserialize(serialized);
    }
}
