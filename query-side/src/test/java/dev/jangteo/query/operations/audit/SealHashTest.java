package dev.jangteo.query.operations.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SealHashTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");

    private static StoredEvent event(String aggregateId, String payload, String metaData) {
        return new StoredEvent(7, "event-7", "Account", aggregateId, 3, AT, "dev.jangteo.api.account.X", null,
                               payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] seal(StoredEvent event) {
        return new SealHash().next(SealHash.GENESIS, event);
    }

    @Test
    void canSealTheSameEventTheSameWay() {
        assertThat(seal(event("alice", "{}", "{}"))).isEqualTo(seal(event("alice", "{}", "{}"))).hasSize(32);
    }

    @Test
    void canTellAChangedPayloadOrMetadata() {
        byte[] original = seal(event("alice", "{\"won\":1}", "{}"));

        assertThat(seal(event("alice", "{\"won\":2}", "{}"))).isNotEqualTo(original);
        assertThat(seal(event("alice", "{\"won\":1}", "{\"actingUser\":\"x\"}"))).isNotEqualTo(original);
    }

    @Test
    void canTellBytesMovedFromOneFieldToTheNext() {
        byte[] original = seal(event("alice", "{}", "{}"));

        assertThat(seal(event("alic", "e{}", "{}"))).isNotEqualTo(original);
    }

    @Test
    void canChainOntoThePreviousSeal() {
        StoredEvent event = event("alice", "{}", "{}");
        SealHash hash = new SealHash();

        assertThat(hash.next(seal(event), event)).isNotEqualTo(hash.next(SealHash.GENESIS, event));
    }
}
