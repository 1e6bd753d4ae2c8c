package dev.jangteo.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.Money;
import dev.jangteo.api.account.AccountDebitedEvent;
import dev.jangteo.api.account.AccountOpenedEvent;
import dev.jangteo.api.account.FundsDepositedEvent;
import dev.jangteo.api.catalog.ProductPriceChangedEvent;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.catalog.StockReservedEvent;
import dev.jangteo.api.chat.MemberJoinedEvent;
import dev.jangteo.api.chat.MessageEditedEvent;
import dev.jangteo.api.chat.MessagePostedEvent;
import dev.jangteo.api.chat.MessagesReadEvent;
import dev.jangteo.api.chat.RoomCreatedEvent;
import dev.jangteo.api.coupon.CouponDefinedEvent;
import dev.jangteo.api.coupon.CouponIssuedEvent;
import dev.jangteo.api.coupon.CouponRedeemedEvent;
import dev.jangteo.api.coupon.CouponTerms;
import dev.jangteo.api.coupon.DiscountType;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.query.support.RawEvents;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit API on events appended as the command side appends them: history, state as of a version, the feed. */
class AuditApiIT extends QuerySideStack {

    @Test
    void canListTheEventsOfAnAggregateInOrderWithPayloadAsJson() {
        String user = Ids.of("user");
        history.append("Account", user, new AccountOpenedEvent(user, user + "@jangteo.dev", "Kim"),
                       new FundsDepositedEvent(user, "d1", Money.won(5_000), Money.won(5_000)),
                       new FundsDepositedEvent(user, "d2", Money.won(1_000), Money.won(6_000)));

        Answer page = http.get("/api/audit/aggregates/" + user + "/events?page=0&size=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("total").asLong()).isEqualTo(3);
        JsonNode items = page.body().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("sequence").asLong()).isZero();
        assertThat(items.get(0).path("aggregateType").asText()).isEqualTo("Account");
        assertThat(items.get(0).path("type").asText()).isEqualTo(AccountOpenedEvent.class.getName());
        assertThat(items.get(0).path("payload").path("displayName").asText()).isEqualTo("Kim");
        assertThat(items.get(1).path("payload").path("balance").path("won").asLong()).isEqualTo(5_000);
        assertThat(items.get(1).path("position").asLong()).isGreaterThan(items.get(0).path("position").asLong());
        assertThat(items.get(1).path("timestamp").asText()).isNotBlank();
        assertThat(items.get(1).path("metadata").isObject()).isTrue();
    }

    @Test
    void canFoldAnAccountAtAVersionAndNow() {
        String user = Ids.of("user");
        history.append("Account", user, new AccountOpenedEvent(user, user + "@jangteo.dev", "Kim"),
                       new FundsDepositedEvent(user, "d1", Money.won(5_000), Money.won(5_000)),
                       new AccountDebitedEvent(user, "o1", Money.won(2_000), Money.won(3_000)));

        JsonNode atOne = state(user, "?version=1");
        JsonNode now = state(user, "");

        assertThat(atOne.path("version").asLong()).isEqualTo(1);
        assertThat(atOne.path("aggregateType").asText()).isEqualTo("Account");
        assertThat(atOne.path("state").path("balance").asLong()).isEqualTo(5_000);
        assertThat(atOne.path("state").path("displayName").asText()).isEqualTo("Kim");
        assertThat(now.path("version").asLong()).isEqualTo(2);
        assertThat(now.path("state").path("balance").asLong()).isEqualTo(3_000);
        assertThat(now.path("state").path("debits").path("o1").asLong()).isEqualTo(2_000);
    }

    @Test
    void canFoldAProductAtAVersion() {
        String product = Ids.of("product");
        history.append("Product", product, new ProductRegisteredEvent(product, "Kimchi", "food", Money.won(9_000), 10),
                       new StockReservedEvent(product, "o1", 4, Money.won(9_000), 6),
                       new ProductPriceChangedEvent(product, Money.won(9_000), Money.won(9_500)));

        JsonNode atOne = state(product, "?version=1");

        assertThat(atOne.path("state").path("stock").asInt()).isEqualTo(6);
        assertThat(atOne.path("state").path("price").asLong()).isEqualTo(9_000);
        assertThat(atOne.path("state").path("reservations").path("o1").asInt()).isEqualTo(4);
        assertThat(state(product, "").path("state").path("price").asLong()).isEqualTo(9_500);
    }

    @Test
    void canFoldAnOrderAtAVersion() {
        String order = Ids.of("order");
        Instant placedAt = Instant.parse("2026-11-21T10:00:00Z");
        history.append("Order", order, new OrderPlacedEvent(order, "kim", List.of(new OrderLine("p1", 2)), null,
                                                            placedAt),
                       new OrderPaidEvent(order, "kim", List.of(new PricedLine("p1", 2, Money.won(1_000))), null,
                                          Money.won(2_000), Money.ZERO, Money.won(2_000), placedAt.plusSeconds(1)));

        JsonNode placed = state(order, "?version=0");
        JsonNode paid = state(order, "?version=1");

        assertThat(placed.path("state").path("status").asText()).isEqualTo("PENDING");
        assertThat(placed.path("state").path("total").isNull()).isTrue();
        assertThat(paid.path("state").path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("state").path("total").asLong()).isEqualTo(2_000);
        assertThat(paid.path("state").path("lines").get(0).path("unitPrice").asLong()).isEqualTo(1_000);
    }

    @Test
    void canFoldACouponAtAVersion() {
        String coupon = Ids.of("coupon");
        CouponTerms terms = new CouponTerms("Opening", DiscountType.FIXED, 500, 10, null, null);
        history.append("Coupon", coupon, new CouponDefinedEvent(coupon, terms),
                       new CouponIssuedEvent(coupon, "kim", 1, Instant.now()),
                       new CouponIssuedEvent(coupon, "lee", 2, Instant.now()),
                       new CouponRedeemedEvent(coupon, "kim", "o1", Money.won(500)));

        JsonNode afterOneIssue = state(coupon, "?version=1");
        JsonNode now = state(coupon, "");

        assertThat(afterOneIssue.path("state").path("issued").asInt()).isEqualTo(1);
        assertThat(afterOneIssue.path("state").path("remaining").asInt()).isEqualTo(9);
        assertThat(now.path("state").path("holders")).hasSize(2);
        assertThat(now.path("state").path("redemptions").path("kim").asText()).isEqualTo("o1");
        assertThat(now.path("state").path("terms").path("name").asText()).isEqualTo("Opening");
    }

    @Test
    void canFoldARoomAtAVersion() {
        String room = Ids.of("room");
        history.append("Room", room, new RoomCreatedEvent(room, "Jeju", "trip", "kim"),
                       new MemberJoinedEvent(room, "kim"),
                       new MessagePostedEvent(room, "m1", 1, "kim", "안녕하세요", null, "trip"),
                       new MemberJoinedEvent(room, "lee"),
                       new MessageEditedEvent(room, "m1", "반갑습니다"),
                       new MessagesReadEvent(room, "lee", "m1", 1));

        JsonNode beforeEdit = state(room, "?version=3");
        JsonNode now = state(room, "");

        assertThat(beforeEdit.path("state").path("messages").get(0).path("text").asText()).isEqualTo("안녕하세요");
        assertThat(beforeEdit.path("state").path("members").path("lee").asLong()).isZero();
        assertThat(now.path("state").path("messages").get(0).path("text").asText()).isEqualTo("반갑습니다");
        assertThat(now.path("state").path("messages").get(0).path("edited").asBoolean()).isTrue();
        assertThat(now.path("state").path("members").path("lee").asLong()).isEqualTo(1);
    }

    @Test
    void canShowAnEventStoredInItsOldShapeInItsNewShape() {
        String user = Ids.of("user");
        long position = RawEvents.insert(jdbc, "Account", user, 0, AccountOpenedEvent.class.getName(), null,
                                         "{\"userId\":\"" + user + "\",\"email\":\"old@jangteo.dev\",\"name\":\"Old\"}");

        JsonNode event = http.get("/api/audit/aggregates/" + user + "/events").body().path("items").get(0);
        JsonNode state = state(user, "");
        Answer account = http.get("/api/accounts/" + user, position);

        assertThat(event.path("revision").asText()).isEqualTo("2");
        assertThat(event.path("payload").path("displayName").asText()).isEqualTo("Old");
        assertThat(event.path("payload").has("name")).isFalse();
        assertThat(event.path("metadata").path("actingUser").asText()).isEqualTo("legacy");
        assertThat(state.path("state").path("displayName").asText()).isEqualTo("Old");
        assertThat(account.header("X-Consistency")).isEqualTo("CONSISTENT");
        assertThat(account.body().path("name").asText()).isEqualTo("Old");
    }

    @Test
    void canPageTheGlobalFeedWithACursor() {
        String room = Ids.of("room");
        long before = history.lastPosition();
        history.append("Room", room, new RoomCreatedEvent(room, "Feed", null, "kim"),
                       new MemberJoinedEvent(room, "kim"), new MemberJoinedEvent(room, "lee"));

        JsonNode first = http.get("/api/audit/events?aggregateType=Room&after=" + before + "&limit=2").body();
        JsonNode second = http.get("/api/audit/events?aggregateType=Room&limit=2&after="
                                           + first.path("next").asLong()).body();

        assertThat(first.path("events")).hasSize(2);
        assertThat(first.path("events").get(0).path("aggregateId").asText()).isEqualTo(room);
        assertThat(second.path("events")).hasSize(1);
        assertThat(second.path("events").get(0).path("type").asText()).isEqualTo(MemberJoinedEvent.class.getName());
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void canFilterTheFeedByPayloadTypeSimpleName() {
        String room = Ids.of("room");
        long before = history.lastPosition();
        history.append("Room", room, new RoomCreatedEvent(room, "Filter", null, "kim"),
                       new MemberJoinedEvent(room, "kim"));

        JsonNode page = http.get("/api/audit/events?type=RoomCreatedEvent&after=" + before).body();

        assertThat(page.path("events")).hasSize(1);
        assertThat(page.path("events").get(0).path("aggregateId").asText()).isEqualTo(room);
    }

    @Test
    void cannotFindAnUnknownAggregate() {
        assertProblem(http.get("/api/audit/aggregates/nobody/events"), 404, "AGGREGATE_NOT_FOUND");
        assertProblem(http.get("/api/audit/aggregates/nobody/state"), 404, "AGGREGATE_NOT_FOUND");
    }

    @Test
    void cannotAskWithAMalformedInstantPositionOrLimit() {
        assertProblem(http.get("/api/audit/aggregates/x/state?at=yesterday"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/aggregates/x/state?version=-1"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/events?after=abc"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/events?after=-5"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/events?limit=0"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/events?limit=1001"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/events?from=2026-13-01"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/verify?from=x"), 400, "VALIDATION_FAILED");
    }

    private JsonNode state(String aggregateId, String query) {
        Answer response = http.get("/api/audit/aggregates/" + aggregateId + "/state" + query);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }
}
