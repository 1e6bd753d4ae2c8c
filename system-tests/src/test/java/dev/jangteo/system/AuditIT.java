package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Auditors on the real stack, after a scenario that touches every aggregate type: history and state as of a version
 * and a moment for each; the seal chain verifies, and each of four tamperings done in PostgreSQL makes it fail at
 * the tampered position (each undone before the next); the NDJSON export; old-shape events through the upcaster.
 */
class AuditIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("audit", 1);

    private static String user;
    private static String product;
    private static String coupon;
    private static String order;
    private static String room;
    /** A position the store handed out but never filled (a rolled-back insert), inside the sealed range. */
    private static long hole;

    @BeforeAll
    static void scenario() throws Exception {
        // Everything here reads positions from the PostgreSQL event table or tampers with it; AuditEveryStoreIT holds
        // what an auditor reads under any store, the seal chain and a tampering included.
        assumeTrue(Stack.eventTableIsTheStore(), "the tampering and the positions need the PostgreSQL event table");
        user = Shop.unique("auditor");
        Shop.openAccount(stack.command(), user, 50_000);
        product = Shop.product(stack.command(), 12_000, 5);
        hole = nextPosition();
        coupon = CouponRace.define(stack.command(), 10);
        assertThat(CouponRace.claim(stack.command(), coupon, user).status()).isEqualTo(201);
        order = Shop.order(stack.command(), user, product, 2, coupon);
        assertThat(Shop.awaitOutcome(stack.query(), order).get("status").asText()).isEqualTo("PAID");
        room = Chat.createRoom(stack.command(), user, "audit-trip");
        assertThat(Chat.join(stack.command(), room, "bob").status()).isEqualTo(204);
        String hello = Chat.say(stack.command(), room, user, "서울에서 만나요");
        Chat.say(stack.command(), room, "bob", "See you there");
        assertThat(Chat.edit(stack.command(), room, hello, user, "부산에서 만나요").status()).isEqualTo(204);
        awaitSealedUpTo(head());
    }

    @Test
    void canShowTheHistoryOfEveryAggregateType() {
        assertThat(types(user)).containsExactly("AccountOpenedEvent", "FundsDepositedEvent", "AccountDebitedEvent");
        assertThat(types(product)).containsExactly("ProductRegisteredEvent", "StockReservedEvent");
        assertThat(types(coupon)).containsExactly("CouponDefinedEvent", "CouponIssuedEvent", "CouponRedeemedEvent");
        assertThat(types(order)).containsExactly("OrderPlacedEvent", "OrderPaidEvent");
        assertThat(types(room)).containsExactly("RoomCreatedEvent", "MemberJoinedEvent", "MemberJoinedEvent",
                                                "MessagePostedEvent", "MessagePostedEvent", "MessageEditedEvent");
        JsonNode opened = history(user).get(0);
        assertThat(opened.path("metadata").path("correlationId").asText()).isNotBlank();
        assertThat(opened.path("metadata").path("causationId").asText()).isNotBlank();
        assertThat(opened.path("payload").path("displayName").asText()).isEqualTo("User " + user);
    }

    @Test
    void canShowTheStateOfEveryAggregateTypeNow() {
        assertThat(state(user, "").path("state").path("balance").asLong()).isEqualTo(50_000 - 23_000);
        assertThat(state(product, "").path("state").path("stock").asInt()).isEqualTo(3);
        assertThat(state(coupon, "").path("state").path("redemptions").path(user).asText()).isEqualTo(order);
        assertThat(state(order, "").path("state").path("status").asText()).isEqualTo("PAID");
        assertThat(state(order, "").path("state").path("total").asLong()).isEqualTo(23_000);
        JsonNode chat = state(room, "").path("state");
        assertThat(chat.path("members").has("bob")).isTrue();
        assertThat(chat.path("messages").get(0).path("text").asText()).isEqualTo("부산에서 만나요");
    }

    @Test
    void canShowTheStateOfEveryAggregateTypeAtAVersionAndAtTheMomentOfThatVersion() {
        for (String aggregate : List.of(user, product, coupon, order, room)) {
            JsonNode first = history(aggregate).get(0);
            Instant moment = Instant.parse(first.path("timestamp").asText());
            long version = lastVersionAt(aggregate, moment);

            JsonNode atVersion = state(aggregate, "?version=" + version);
            JsonNode atMoment = state(aggregate, "?at=" + moment);

            assertThat(atMoment.path("version").asLong()).as(aggregate).isEqualTo(version);
            assertThat(atMoment.path("state")).as(aggregate).isEqualTo(atVersion.path("state"));
            assertThat(atVersion.path("state")).as(aggregate).isNotEqualTo(state(aggregate, "").path("state"));
        }
        assertThat(state(order, "?version=0").path("state").path("status").asText()).isEqualTo("PENDING");
        assertThat(state(user, "?version=1").path("state").path("balance").asLong()).isEqualTo(50_000);
    }

    @Test
    void canVerifyTheUntouchedStore() throws Exception {
        awaitSealedUpTo(head());

        JsonNode verification = verify();

        assertThat(verification.path("verified").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.path("checked").asLong()).isEqualTo(countEvents());
    }

    @Test
    void cannotVerifyAStoreWhoseEventPayloadChanged() throws Exception {
        long position = positionOf(user, 1);
        Tamper.Row original = Tamper.read(stack.get(), position);
        String forged = new String(original.payload(), StandardCharsets.UTF_8).replace("50000", "90000");

        Tamper.setPayload(stack.get(), position, forged.getBytes(StandardCharsets.UTF_8));
        try {
            assertMismatch(position, "EVENT_CHANGED");
        } finally {
            Tamper.setPayload(stack.get(), position, original.payload());
        }
        assertThat(verify().path("verified").asBoolean()).isTrue();
    }

    @Test
    void cannotVerifyAStoreWhoseEventMetadataChanged() throws Exception {
        long position = positionOf(product, 0);
        Tamper.Row original = Tamper.read(stack.get(), position);

        Tamper.setMetaData(stack.get(), position, "{\"actingUser\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8));
        try {
            assertMismatch(position, "EVENT_CHANGED");
        } finally {
            Tamper.setMetaData(stack.get(), position, original.metaData());
        }
        assertThat(verify().path("verified").asBoolean()).isTrue();
    }

    @Test
    void cannotVerifyAStoreMissingAnEvent() throws Exception {
        long position = positionOf(room, 3);
        Tamper.Row original = Tamper.read(stack.get(), position);

        Tamper.delete(stack.get(), position);
        try {
            assertMismatch(position, "EVENT_MISSING");
        } finally {
            Tamper.insert(stack.get(), original);
        }
        assertThat(verify().path("verified").asBoolean()).isTrue();
    }

    @Test
    void cannotVerifyAStoreWithAnEventInsertedIntoItsHistory() throws Exception {
        Tamper.Row template = Tamper.read(stack.get(), positionOf(user, 1));
        // A type no handler knows, so that processors which still watch this position ignore it.
        Tamper.Row forged = new Tamper.Row(hole, UUID.randomUUID().toString(), user, 99, template.type(),
                                           template.timestamp(), "dev.jangteo.api.account.BackdatedBonusEvent", null,
                                           template.payload(), template.metaData());

        Tamper.insert(stack.get(), forged);
        try {
            assertMismatch(hole, "EVENT_INSERTED");
        } finally {
            Tamper.delete(stack.get(), hole);
        }
        assertThat(verify().path("verified").asBoolean()).isTrue();
    }

    @Test
    void canExportARangeAsNdjsonOneEventALineInOrder() throws Exception {
        long after = positionOf(product, 0);
        List<Long> expected = positionsAfter(after);

        String export = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stack.query().resolve("/api/audit/events?after=" + after))
                           .header("Accept", "application/x-ndjson")
                           .header("Authorization", "Bearer " + Tokens.auditor()).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        List<Long> exported = export.lines().map(line -> read(line).path("position").asLong()).toList();
        assertThat(exported).isEqualTo(expected);
    }

    @Test
    void canLoadAnAccountStoredInItsOldShapeAndShowItInTheNewShape() throws Exception {
        String legacy = Shop.unique("legacy");
        insertOldAccountOpened(legacy, "Legacy Kim");

        Answer deposited = Http.post(stack.command().resolve("/api/accounts/" + legacy + "/deposits"),
                                     Map.of("amount", 7_000, "depositId", "d-legacy"));

        assertThat(deposited.status()).as("%s", deposited.body()).isEqualTo(200);
        assertThat(deposited.body().path("balance").asLong()).isEqualTo(7_000);
        Shop.awaitBalance(stack.query(), legacy, 7_000);
        assertThat(Shop.get(stack.query(), "/api/accounts/" + legacy).path("name").asText()).isEqualTo("Legacy Kim");
        JsonNode opened = history(legacy).get(0);
        assertThat(opened.path("revision").asText()).isEqualTo("2");
        assertThat(opened.path("payload").path("displayName").asText()).isEqualTo("Legacy Kim");
        assertThat(state(legacy, "").path("state").path("displayName").asText()).isEqualTo("Legacy Kim");
    }

    @Test
    void cannotAskTheAuditApiWithBadInput() {
        assertProblem("/api/audit/aggregates/" + user + "/state?at=21-11-2026", 400, "VALIDATION_FAILED");
        assertProblem("/api/audit/aggregates/" + user + "/state?version=x", 400, "VALIDATION_FAILED");
        assertProblem("/api/audit/events?after=-1", 400, "VALIDATION_FAILED");
        assertProblem("/api/audit/events?after=nope", 400, "VALIDATION_FAILED");
        assertProblem("/api/audit/events?limit=100000", 400, "VALIDATION_FAILED");
        assertProblem("/api/audit/events?from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z", 400, "VALIDATION_FAILED");
        assertProblem("/api/audit/verify?to=-3", 400, "VALIDATION_FAILED");
        assertProblem("/api/audit/aggregates/no-such-aggregate/events", 404, "AGGREGATE_NOT_FOUND");
        assertProblem("/api/audit/aggregates/no-such-aggregate/state?version=0", 404, "AGGREGATE_NOT_FOUND");
    }

    private static void assertProblem(String path, int status, String code) {
        ProblemPages.assertProblem(Http.get(stack.query().resolve(path)), status, code);
    }

    private static void assertMismatch(long position, String reason) {
        JsonNode verification = verify();
        assertThat(verification.path("verified").asBoolean()).as("%s", verification).isFalse();
        assertThat(verification.path("firstMismatch").asLong()).as("%s", verification).isEqualTo(position);
        assertThat(verification.path("reason").asText()).isEqualTo(reason);
    }

    private static JsonNode verify() {
        return Shop.get(stack.query(), "/api/audit/verify");
    }

    private static JsonNode history(String aggregateId) {
        return Shop.get(stack.query(), "/api/audit/aggregates/" + aggregateId + "/events?size=100").path("items");
    }

    private static List<String> types(String aggregateId) {
        List<String> types = new ArrayList<>();
        history(aggregateId).forEach(event -> {
            String type = event.path("type").asText();
            types.add(type.substring(type.lastIndexOf('.') + 1));
        });
        return types;
    }

    private static JsonNode state(String aggregateId, String query) {
        return Shop.get(stack.query(), "/api/audit/aggregates/" + aggregateId + "/state" + query);
    }

    /** The highest sequence of the aggregate's events stamped at or before {@code moment}. */
    private static long lastVersionAt(String aggregateId, Instant moment) {
        long version = -1;
        for (JsonNode event : history(aggregateId)) {
            if (!Instant.parse(event.path("timestamp").asText()).isAfter(moment)) {
                version = event.path("sequence").asLong();
            }
        }
        return version;
    }

    private static long positionOf(String aggregateId, int sequence) {
        return history(aggregateId).get(sequence).path("position").asLong();
    }

    private static JsonNode read(String json) {
        try {
            return JsonHttp.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not a JSON line: " + json, e);
        }
    }

    private static void awaitSealedUpTo(long position) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
               .until(() -> Shop.get(stack.query(), "/api/audit/seal").path("sealedPosition").asLong() >= position);
    }

    private static long nextPosition() throws Exception {
        return single("SELECT nextval('command_side.domain_event_entry_global_index_seq')");
    }

    private static long head() throws Exception {
        return single("SELECT max(global_index) FROM command_side.domain_event_entry");
    }

    private static long countEvents() throws Exception {
        return single("SELECT count(*) FROM command_side.domain_event_entry");
    }

    private static long single(String sql) throws Exception {
        try (Connection connection = stack.connect();
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Long> positionsAfter(long after) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (Connection connection = stack.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT global_index FROM command_side.domain_event_entry WHERE global_index > ? "
                             + "ORDER BY global_index")) {
            select.setLong(1, after);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                }
            }
        }
        return positions;
    }

    /** An AccountOpenedEvent as the command side stored it before revision 2: no revision, "name". */
    private static void insertOldAccountOpened(String userId, String name) throws Exception {
        String payload = "{\"userId\":\"" + userId + "\",\"email\":\"" + userId + "@example.com\",\"name\":\"" + name
                + "\"}";
        try (Connection connection = stack.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO command_side.domain_event_entry (event_identifier, aggregate_identifier, "
                             + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                             + "meta_data) VALUES (?, ?, 0, 'Account', now(), "
                             + "'dev.jangteo.api.account.AccountOpenedEvent', NULL, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, userId);
            insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, "{\"correlationId\":\"legacy\"}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
