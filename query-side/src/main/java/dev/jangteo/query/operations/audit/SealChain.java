package dev.jangteo.query.operations.audit;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * The seal tables in {@code query_side} (migrations V30, V90): one seal per event, and the head of the chain. Positions
 * are the store's own, whichever it is ({@link StoredEvents}).
 */
@Component
class SealChain {

    record Head(long position, byte[] seal) {
    }

    record Seal(long position, String eventIdentifier, byte[] seal) {
    }

    /**
     * How far the chain reaches: {@code sealedPosition} of {@code headPosition} in the store; {@code seal} is the
     * head's seal in hex, worth recording outside this database: whoever can rewrite both tables could otherwise
     * rebuild the chain to match.
     */
    record SealStatus(long sealedPosition, long headPosition, long behind, String seal, Instant sealedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SealChain(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The head, locked until the transaction ends: only one sealer extends the chain at a time. */
    Head lockHead() {
        return jdbc.sql("SELECT position, seal FROM query_side.audit_seal_head FOR UPDATE")
                   .query((row, n) -> new Head(row.getLong("position"), row.getBytes("seal")))
                   .single();
    }

    Head head() {
        return jdbc.sql("SELECT position, seal FROM query_side.audit_seal_head")
                   .query((row, n) -> new Head(row.getLong("position"), row.getBytes("seal")))
                   .single();
    }

    /** The seal the chain had just before {@code position}, or the genesis when nothing is sealed before it. */
    byte[] sealBefore(long position) {
        return jdbc.sql("SELECT seal FROM query_side.audit_seal WHERE global_index < ? "
                                + "ORDER BY global_index DESC LIMIT 1")
                   .param(position)
                   .query((row, n) -> row.getBytes("seal"))
                   .optional()
                   .orElse(SealHash.GENESIS);
    }

    /** Appends the seals (in order) and moves the head to the last; one statement however many seals. */
    void append(List<Seal> seals) {
        if (seals.isEmpty()) {
            return;
        }
        int n = seals.size();
        Long[] positions = new Long[n];
        String[] identifiers = new String[n];
        byte[][] hashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            positions[i] = seals.get(i).position();
            identifiers[i] = seals.get(i).eventIdentifier();
            hashes[i] = seals.get(i).seal();
        }
        template.execute((ConnectionCallback<Void>) connection -> {
            Array positionArray = connection.createArrayOf("bigint", positions);
            Array identifierArray = connection.createArrayOf("varchar", identifiers);
            Array sealArray = connection.createArrayOf("bytea", hashes);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO query_side.audit_seal (global_index, event_identifier, seal) "
                            + "SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::bytea[])")) {
                insert.setArray(1, positionArray);
                insert.setArray(2, identifierArray);
                insert.setArray(3, sealArray);
                insert.executeUpdate();
            }
            return null;
        });
        Seal last = seals.getLast();
        jdbc.sql("UPDATE query_side.audit_seal_head SET position = ?, seal = ?, sealed_at = now()")
            .params(last.position(), last.seal())
            .update();
    }

    /**
     * The chain against the store's head. The head row says -1 until the first seal (migration V90), below the first
     * position of every store; it is shown as the position just before the store's first.
     */
    SealStatus status(StoredEvents store) {
        long headPosition = store.head();
        long beforeFirst = store.first() - 1;
        return jdbc.sql("SELECT position, seal, sealed_at FROM query_side.audit_seal_head")
                   .query((row, n) -> {
                       long sealed = Math.max(row.getLong("position"), beforeFirst);
                       OffsetDateTime at = row.getObject("sealed_at", OffsetDateTime.class);
                       return new SealStatus(sealed, headPosition, Math.max(0, headPosition - sealed),
                                             HexFormat.of().formatHex(row.getBytes("seal")),
                                             at == null ? null : at.toInstant());
                   })
                   .single();
    }
}
