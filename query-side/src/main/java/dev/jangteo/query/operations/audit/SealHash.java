package dev.jangteo.query.operations.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * seal(n) = SHA-256(seal(n-1) ‖ position ‖ event identifier ‖ aggregate type ‖ aggregate id ‖ sequence ‖ timestamp ‖
 * payload type ‖ payload revision ‖ payload bytes ‖ metadata bytes), over the bytes as stored (before any upcaster),
 * so an upcaster changes nothing here. Each text or byte field is preceded by its length (-1 for null), so that moving
 * bytes from one field to the next changes the hash; numbers are 8 bytes big-endian, the timestamp in microseconds
 * (PostgreSQL's precision). The first event chains onto 32 zero bytes. Not thread-safe: one per sealing or
 * verifying run.
 */
final class SealHash {

    static final byte[] GENESIS = new byte[32];

    private final MessageDigest sha256;
    private final ByteBuffer number = ByteBuffer.allocate(Long.BYTES);

    SealHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    byte[] next(byte[] previous, StoredEvent event) {
        sha256.update(previous);
        number(event.position());
        text(event.eventIdentifier());
        text(event.aggregateType());
        text(event.aggregateId());
        number(event.sequence());
        number(micros(event.timestamp()));
        text(event.payloadType());
        text(event.payloadRevision());
        bytes(event.payload());
        bytes(event.metaData());
        return sha256.digest();
    }

    private static long micros(Instant timestamp) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, timestamp);
    }

    private void number(long value) {
        sha256.update(number.clear().putLong(value).array());
    }

    private void text(String value) {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] value) {
        if (value == null) {
            number(-1);
            return;
        }
        number(value.length);
        sha256.update(value);
    }
}
