package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an auditor gets through the API alone, the same whichever event store the apps use: an aggregate's history
 * and its state now and at a version, the global feed page by page, its NDJSON export. Only the seal chain needs the
 * PostgreSQL event table; elsewhere it says so with 501 {@code AUDIT_NEEDS_EVENT_TABLE}. {@link AuditIT} holds the
 * rest (every aggregate type, tampering in PostgreSQL); this class also runs in the {@code remote-like} and
 * {@code axonserver} runs, where there is no event table to read.
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
    void canTellWhetherTheSealChainCanBeKept() {
        Http.Response seal = Http.get(stack.query().resolve("/api/audit/seal"), Tokens.auditor());
        Http.Response verify = Http.get(stack.query().resolve("/api/audit/verify"), Tokens.auditor());

        if (Stack.eventTableIsTheStore()) {
            assertThat(seal.status()).as(seal.body().toString()).isEqualTo(200);
            assertThat(verify.status()).as(verify.body().toString()).isEqualTo(200);
        } else {
            Problems.assertProblem(seal, 501, "AUDIT_NEEDS_EVENT_TABLE");
            Problems.assertProblem(verify, 501, "AUDIT_NEEDS_EVENT_TABLE");
        }
    }

    private static List<String> typesOf(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(Events.simpleType(event)));
        return types;
    }
}
