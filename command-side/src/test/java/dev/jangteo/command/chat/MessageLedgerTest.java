package dev.jangteo.command.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLedgerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void canReadBackWhatASnapshotWrote() throws Exception {
        MessageLedger ledger = new MessageLedger();
        ledger.add("m1", "alice");
        ledger.add("m2", "bob");
        ledger.add("m3", "alice");
        ledger.markDeleted("m2");

        MessageLedger copy = json.readValue(json.writeValueAsBytes(ledger), MessageLedger.class);

        assertThat(copy).isEqualTo(ledger);
        assertThat(copy.senderOf("m3")).isEqualTo("alice");
        assertThat(copy.isDeleted("m2")).isTrue();
        assertThat(copy.isDeleted("m3")).isFalse();
        assertThat(copy.positionOf("m3")).isEqualTo(3);
        assertThat(copy.nextPosition()).isEqualTo(4);
    }

    /**
     * Prints the snapshot size of a busy room (docs/design.md, "How it is built", Chat, and the closing note
     * quote it).
     */
    @Test
    void canHoldAHundredThousandMessagesInAFewMegabytes() throws Exception {
        MessageLedger ledger = new MessageLedger();
        for (int i = 0; i < 100_000; i++) {
            ledger.add(UUID.randomUUID().toString(), "member-" + (i % 50));
        }
        for (int i = 0; i < 100_000; i += 100) {
            ledger.markDeleted(ledger.ids().get(i));
        }

        byte[] snapshot = json.writeValueAsBytes(ledger);

        System.out.printf("MessageLedger snapshot of 100,000 messages by 50 senders: %,d bytes%n", snapshot.length);
        assertThat(snapshot.length).isLessThan(5_000_000);
        assertThat(json.readValue(snapshot, MessageLedger.class).size()).isEqualTo(100_000);
    }
}
