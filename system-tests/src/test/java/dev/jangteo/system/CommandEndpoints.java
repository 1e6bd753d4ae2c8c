package dev.jangteo.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every endpoint of the command API, with the fields of its JSON body and what each may hold, for the bad-input
 * suite and the property-based test. Path ids are filled in from {@link Fixture}: things that exist.
 */
final class CommandEndpoints {

    /** What a body field holds, which decides which bad values are certainly bad for it. */
    enum Kind {
        ID, OPTIONAL_ID, TEXT, OPTIONAL_INSTANT, ENUM, AMOUNT, COUNT, COUNT_OR_ZERO, ITEMS
    }

    record Field(String name, Kind kind, Object valid) {
    }

    record Endpoint(String method, String path, List<Field> fields) {

        boolean hasBody() {
            return !fields.isEmpty();
        }

        Map<String, Object> validBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            fields.forEach(field -> body.put(field.name(), field.valid()));
            return body;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Ids of things that exist, so that only the bad part of a request can be refused. */
    record Fixture(String userId, String productId, String couponId, String roomId, String messageId) {
    }

    private CommandEndpoints() {
    }

    /** A user with an account and money, a product in stock, a coupon, and a room of the user's with a message. */
    static Fixture createFixture(URI command, String prefix) {
        String user = Shop.unique(prefix);
        Shop.openAccount(command, user, 1_000_000);
        String productId = Shop.product(command, 1_000, 1_000);
        String couponId = CouponRace.define(command, 1_000);
        String roomId = Chat.createRoom(command, user, null);
        String messageId = Chat.say(command, roomId, user, "first");
        return new Fixture(user, productId, couponId, roomId, messageId);
    }

    static List<Endpoint> all(Fixture f) {
        Field userId = new Field("userId", Kind.ID, f.userId());
        return List.of(
                new Endpoint("POST", "/api/accounts", List.of(
                        new Field("userId", Kind.OPTIONAL_ID, Shop.unique("new")),
                        new Field("email", Kind.TEXT, "new@example.com"),
                        new Field("name", Kind.TEXT, "New"))),
                new Endpoint("POST", "/api/accounts/" + f.userId() + "/deposits", List.of(
                        new Field("amount", Kind.AMOUNT, 100),
                        new Field("depositId", Kind.OPTIONAL_ID, Shop.unique("deposit")))),
                new Endpoint("POST", "/api/products", List.of(
                        new Field("productId", Kind.OPTIONAL_ID, Shop.unique("product")),
                        new Field("name", Kind.TEXT, "Tea"),
                        new Field("category", Kind.TEXT, "food"),
                        new Field("price", Kind.AMOUNT, 1000),
                        new Field("stock", Kind.COUNT_OR_ZERO, 5))),
                new Endpoint("PUT", "/api/products/" + f.productId() + "/price", List.of(
                        new Field("price", Kind.AMOUNT, 900))),
                new Endpoint("POST", "/api/products/" + f.productId() + "/restocks", List.of(
                        new Field("quantity", Kind.COUNT, 1),
                        new Field("restockId", Kind.OPTIONAL_ID, Shop.unique("restock")))),
                new Endpoint("POST", "/api/orders", List.of(
                        new Field("orderId", Kind.OPTIONAL_ID, Shop.unique("order")),
                        userId,
                        new Field("items", Kind.ITEMS, List.of(Map.of("productId", f.productId(), "quantity", 1))),
                        new Field("couponId", Kind.OPTIONAL_ID, f.couponId()))),
                new Endpoint("POST", "/api/orders/no-such-order/cancellation", List.of()),
                new Endpoint("POST", "/api/coupons", List.of(
                        new Field("couponId", Kind.OPTIONAL_ID, Shop.unique("coupon")),
                        new Field("name", Kind.TEXT, "Sale"),
                        new Field("discountType", Kind.ENUM, "FIXED"),
                        new Field("discountValue", Kind.AMOUNT, 100),
                        new Field("totalQuantity", Kind.COUNT, 5),
                        new Field("validFrom", Kind.OPTIONAL_INSTANT, "2020-01-01T00:00:00Z"),
                        new Field("validUntil", Kind.OPTIONAL_INSTANT, "2099-01-01T00:00:00Z"))),
                new Endpoint("POST", "/api/coupons/" + f.couponId() + "/issues", List.of(userId)),
                new Endpoint("POST", "/api/rooms", List.of(
                        new Field("roomId", Kind.OPTIONAL_ID, Shop.unique("room")),
                        new Field("name", Kind.TEXT, "Room"),
                        new Field("groupId", Kind.OPTIONAL_ID, "group"),
                        new Field("ownerId", Kind.ID, f.userId()))),
                new Endpoint("POST", "/api/rooms/" + f.roomId() + "/members", List.of(userId)),
                new Endpoint("DELETE", "/api/rooms/" + f.roomId() + "/members/no-such-member", List.of()),
                new Endpoint("POST", "/api/rooms/" + f.roomId() + "/messages", List.of(
                        new Field("messageId", Kind.OPTIONAL_ID, Shop.unique("message")),
                        new Field("senderId", Kind.ID, f.userId()),
                        new Field("text", Kind.TEXT, "hello"),
                        new Field("replyTo", Kind.OPTIONAL_ID, f.messageId()))),
                new Endpoint("PUT", "/api/rooms/" + f.roomId() + "/messages/" + f.messageId(), List.of(
                        userId, new Field("text", Kind.TEXT, "edited"))),
                new Endpoint("DELETE", "/api/rooms/" + f.roomId() + "/messages/no-such-message?userId="
                        + f.userId(), List.of()),
                new Endpoint("POST", "/api/rooms/" + f.roomId() + "/reads", List.of(
                        userId, new Field("upToMessageId", Kind.ID, f.messageId()))));
    }
}
