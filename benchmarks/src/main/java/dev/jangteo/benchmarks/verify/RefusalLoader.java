package dev.jangteo.benchmarks.verify;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Fills an empty event table with PostgreSQL's COPY: plausible rows as the command side writes them (Jackson JSON
 * payloads and metadata with correlation id, causation id and acting user; sequence numbers per aggregate), a mix of
 * refused stock reservations and refused debits over 1,000 products and 1,000 wallets. No projection handles these
 * two types, so the query side's processors only read past them while the sealer works: the figures are about the
 * seal, not the read models.
 */
final class RefusalLoader {

    private static final int AGGREGATES = 1_000;
    private static final int COPY_CHUNK = 20_000;
    private final HexFormat hex = HexFormat.of();

    void load(Connection connection, long events) throws SQLException {
        connection.setAutoCommit(false);
        long[] sequence = new long[AGGREGATES * 2];
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(events, ChronoUnit.MILLIS);
        StringBuilder rows = new StringBuilder();
        for (long i = 0; i < events; i++) {
            int slot = (int) (i % (AGGREGATES * 2));
            boolean stock = slot < AGGREGATES;
            String aggregateId = (stock ? "bench-product-" : "bench-wallet-") + slot % AGGREGATES;
            String orderId = "bench-order-" + i;
            String payload = stock
                    ? "{\"productId\":\"" + aggregateId + "\",\"orderId\":\"" + orderId + "\",\"quantity\":"
                      + (1 + i % 5) + ",\"stock\":0}"
                    : "{\"userId\":\"" + aggregateId + "\",\"orderId\":\"" + orderId + "\",\"amount\":{\"won\":"
                      + (1_000 + i % 50_000) + "},\"balance\":{\"won\":" + i % 1_000 + "}}";
            String id = UUID.randomUUID().toString();
            String meta = "{\"correlationId\":\"" + id + "\",\"causationId\":\"" + id + "\",\"actingUser\":\"bench-"
                    + i % 97 + "\"}";
            rows.append(id).append('\t').append(aggregateId).append('\t').append(sequence[slot]++).append('\t')
                .append(stock ? "Product" : "Account").append('\t').append(start.plusMillis(i)).append('\t')
                .append(stock ? "dev.jangteo.api.catalog.StockReservationRefusedEvent"
                              : "dev.jangteo.api.account.AccountDebitRefusedEvent")
                .append("\t\\\\x").append(hex.formatHex(payload.getBytes(StandardCharsets.UTF_8)))
                .append("\t\\\\x").append(hex.formatHex(meta.getBytes(StandardCharsets.UTF_8))).append('\n');
            if ((i + 1) % COPY_CHUNK == 0) {
                copy(connection, rows);
            }
        }
        copy(connection, rows);
        connection.commit();
    }

    private static void copy(Connection connection, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY command_side.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                        + "type, time_stamp, payload_type, payload, meta_data) FROM STDIN");
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        rows.setLength(0);
    }
}
