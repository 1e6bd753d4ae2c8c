package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an auditor gets through the API alone, the same whichever event store the apps use: an aggregate's history
 * and its state now and at a version, the global feed page by page, its NDJSON export, and the seal chain, which
 * reaches the store's head and verifies; where the events are in PostgreSQL (the event table, or the
 * {@code remote-like} store's table), a changed payload makes verify point at it. {@link AuditIT} holds the rest
 * (every aggregate type, every kind of tampering in the event table); this class also runs in the
 * {@code remote-like} and {@code axonserver} runs, where there is no event table to read.
 */
class AuditEveryStoreIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("auditstore", 1);

    private static String user;
    private static String order;

    @BeforeAll
    static void scenario() {
        user = Shop.unique("store-auditor");
        Shop.openAccount(stack.command(), user, 50_000);
        String product = Shop.product(stack.command(), 12_000, 5);
        order = Shop.order(stack.command(), user, product, 1, null);
        assertThat(Shop.awaitOutcome(stack.query(), order).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void canShowAnAggregatesHistoryAndItsStateNowAndAtAVersion() {
        JsonNode history = Shop.get(stack.query(), "/api/audit/aggregates/" + user + "/events").path("items");
        assertThat(typesOf(history)).containsExactly("AccountOpenedEvent", "FundsDepositedEvent",
                                                     "AccountDebitedEvent");
        assertThat(history.get(0).path("metadata").path("correlationId").asText()).isNotBlank();

        JsonNode now = Shop.get(stack.query(), "/api/audit/aggregates/" + user + "/state");
        JsonNode opened = Shop.get(stack.query(), "/api/audit/aggregates/" + user + "/state?version=1");
        assertThat(now.path("state").path("balance").asLong()).isEqualTo(50_000 - 12_000);
        assertThat(opened.path("state").path("balance").asLong()).isEqualTo(50_000);
        assertThat(Shop.get(stack.query(), "/api/audit/aggregates/" + order + "/state").path("state")
                       .path("status").asText()).isEqualTo("PAID");
    }

    @Test
    void canWalkTheFeedPageByPageAndExportItInTheSameOrder() {
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = Shop.get(stack.query(), "/api/audit/events?limit=3"
                    + (after == null ? "" : "&after=" + after));
            page.path("events").forEach(event -> paged.add(event.path("eventId").asText()));
            after = page.path("next").isNull() || page.path("next").isMissingNode()
                    ? null : page.path("next").asText();
        } while (after != null);

        List<String> exported = Events.all(stack.query()).stream().map(event -> event.path("eventId").asText())
                                      .toList();

        // The stack's own store holds the scenario's events only: the account opened and funded, the product, the
        // order placed, its stock reserved, the debit and the order paid.
        assertThat(paged).hasSize(7).doesNotHaveDuplicates().doesNotContain("");
        assertThat(exported).isEqualTo(paged);
    }

    @Test
    void canSealTheWholeStoreAndVerifyIt() {
        JsonNode seal = awaitSealedToHead();

        JsonNode verification = verify();

        assertThat(verification.path("verified").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.path("lastPosition").asLong()).as("%s", verification)
                                                              .isEqualTo(seal.path("headPosition").asLong());
        // The scenario's seven events, as in the feed.
        assertThat(verification.path("checked").asLong()).as("%s", verification).isEqualTo(7);
    }

    @Test
    void cannotVerifyAStoreWhoseEventPayloadChanged() throws Exception {
        assumeTrue(Stack.eventsAreInPostgres(), "the test cannot change an event inside Axon Server");
        awaitSealedToHead();
        long position = Tamper.positionOf(stack.get(), user, 1);
        Tamper.Row original = Tamper.read(stack.get(), position);
        String forged = new String(original.payload(), StandardCharsets.UTF_8).replace("50000", "90000");
        assertThat(forged).isNotEqualTo(new String(original.payload(), StandardCharsets.UTF_8));

        Tamper.setPayload(stack.get(), position, forged.getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode verification = verify();

            assertThat(verification.path("verified").asBoolean()).as("%s", verification).isFalse();
            assertThat(verification.path("firstMismatch").asLong()).as("%s", verification).isEqualTo(position);
            assertThat(verification.path("reason").asText()).as("%s", verification).isEqualTo("EVENT_CHANGED");
        } finally {
            Tamper.setPayload(stack.get(), position, original.payload());
        }
        assertThat(verify().path("verified").asBoolean()).isTrue();
    }

    /** The seal status once the chain reaches the store's head; it answers on every store. */
    private static JsonNode awaitSealedToHead() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                      .until(() -> Shop.get(stack.query(), "/api/audit/seal"),
                             seal -> seal.path("behind").asLong() == 0
                                     && seal.path("sealedPosition").asLong() == seal.path("headPosition").asLong()
                                     && seal.path("headPosition").asLong() >= 0);
    }

    private static JsonNode verify() {
        return Shop.get(stack.query(), "/api/audit/verify");
    }

    private static List<String> typesOf(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(Events.simpleType(event)));
        return types;
    }
}
