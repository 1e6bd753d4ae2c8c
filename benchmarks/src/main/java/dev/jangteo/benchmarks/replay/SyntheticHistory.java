package dev.jangteo.benchmarks.replay;

import dev.jangteo.benchmarks.store.EventCopy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A coherent history of about {@code events} events touching every aggregate type, as the command side would have
 * decided it: wallets opened and filled, products registered, repriced and restocked, coupons defined and issued
 * (sequences 1..n), orders placed, reserved, redeemed, debited and paid, one in ten cancelled with every step
 * undone, and chat rooms with members, messages, edits and read markers. Balances and stocks are tracked so every
 * event carries the value after it, exactly what the projections expect: none of it may dead-letter.
 */
final class SyntheticHistory {

    private static final String API = "dev.jangteo.api.";
    private static final int MEMBERS_PER_ROOM = 5;
    private static final int COUPON_QUANTITY = 100;
    private static final long DEPOSIT = 1_000_000_000L;
    private static final int STOCK = 1_000_000;
    private static final long COUPON_DISCOUNT = 1_000;

    private final EventCopy out;
    private final String run;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Instant start;
    private long written;

    private final List<String> users = new ArrayList<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, String> couponOf = new HashMap<>();
    private final List<String> products = new ArrayList<>();
    private final Map<String, Long> prices = new HashMap<>();
    private final Map<String, Integer> stocks = new HashMap<>();
    private final List<String> rooms = new ArrayList<>();
    private final Map<String, Long> roomPositions = new HashMap<>();
    private final Map<String, String> lastMessage = new HashMap<>();
    private long orders;
    private long messages;

    private SyntheticHistory(EventCopy out, String run, Instant start) {
        this.out = out;
        this.run = run;
        this.start = start;
    }

    /** Writes at least {@code events} events (the last order may add a few) timed a millisecond apart. */
    static long generate(EventCopy out, String run, long events, Instant end) throws SQLException {
        SyntheticHistory history = new SyntheticHistory(out, run, end.minusMillis(events));
        history.setUp(events);
        while (history.written < events) {
            if (history.written % 2 == 0) {
                history.order();
            } else {
                history.message();
            }
        }
        out.flush();
        return history.written;
    }

    private void setUp(long events) throws SQLException {
        int userCount = (int) Math.max(50, events / 100);
        for (int u = 0; u < userCount; u++) {
            String user = id("user", u);
            users.add(user);
            emit(user, "Account", "account.AccountOpenedEvent",
                 map("userId", user, "email", user + "@bench.example", "name", "Bench user " + u));
            balances.put(user, DEPOSIT);
            emit(user, "Account", "account.FundsDepositedEvent",
                 map("userId", user, "depositId", "deposit-" + u, "amount", won(DEPOSIT), "balance", won(DEPOSIT)));
        }
        int productCount = (int) Math.max(20, events / 5_000);
        for (int p = 0; p < productCount; p++) {
            String product = id("product", p);
            products.add(product);
            long price = 1_000 + 500L * (p % 97);
            prices.put(product, price);
            stocks.put(product, STOCK);
            emit(product, "Product", "catalog.ProductRegisteredEvent",
                 map("productId", product, "name", "Bench product " + p, "category", "category-" + p % 12,
                     "price", won(price), "stock", STOCK));
        }
        for (int c = 0; c * COUPON_QUANTITY < userCount; c++) {
            String coupon = id("coupon", c);
            emit(coupon, "Coupon", "coupon.CouponDefinedEvent",
                 map("couponId", coupon, "terms", map("name", "Bench coupon " + c, "discountType", "FIXED",
                                                     "discountValue", COUPON_DISCOUNT,
                                                     "totalQuantity", COUPON_QUANTITY,
                                                     "validFrom", null, "validUntil", null)));
            for (int s = 1; s <= COUPON_QUANTITY && c * COUPON_QUANTITY + s - 1 < userCount; s++) {
                String user = users.get(c * COUPON_QUANTITY + s - 1);
                couponOf.put(user, coupon);
                emit(coupon, "Coupon", "coupon.CouponIssuedEvent",
                     map("couponId", coupon, "userId", user, "sequence", (long) s, "requestedAt", now()));
            }
        }
        int roomCount = (int) Math.max(5, events / 20_000);
        for (int r = 0; r < roomCount; r++) {
            String room = id("room", r);
            rooms.add(room);
            roomPositions.put(room, 0L);
            emit(room, "Room", "chat.RoomCreatedEvent",
                 map("roomId", room, "name", "Bench room " + r, "groupId", "bench-" + run, "ownerId", member(r, 0)));
            for (int m = 0; m < MEMBERS_PER_ROOM; m++) {
                emit(room, "Room", "chat.MemberJoinedEvent", map("roomId", room, "userId", member(r, m)));
            }
        }
    }

    /** Placed, stock reserved, coupon redeemed (a user's first order), debited, paid; one in ten then cancelled. */
    private void order() throws SQLException {
        long n = orders++;
        String user = users.get((int) (n % users.size()));
        boolean first = n < users.size();
        String coupon = first ? couponOf.get(user) : null;
        String order = id("order", n);
        String product = products.get((int) ((n * 7) % products.size()));
        int quantity = 1 + (int) (n % 3);
        long unitPrice = prices.get(product);
        long subtotal = unitPrice * quantity;
        long discount = coupon == null ? 0 : COUPON_DISCOUNT;
        long total = subtotal - discount;
        List<Object> lines = List.of(map("productId", product, "quantity", quantity));
        List<Object> priced = List.of(map("productId", product, "quantity", quantity, "unitPrice", won(unitPrice)));
        String placedAt = now();
        emit(order, "Order", "order.OrderPlacedEvent",
             map("orderId", order, "userId", user, "lines", lines, "couponId", coupon, "placedAt", placedAt));
        int stock = stocks.merge(product, -quantity, Integer::sum);
        emit(product, "Product", "catalog.StockReservedEvent",
             map("productId", product, "orderId", order, "quantity", quantity, "unitPrice", won(unitPrice),
                 "stock", stock));
        if (coupon != null) {
            emit(coupon, "Coupon", "coupon.CouponRedeemedEvent",
                 map("couponId", coupon, "userId", user, "orderId", order, "discount", won(discount)));
        }
        long balance = balances.merge(user, -total, Long::sum);
        emit(user, "Account", "account.AccountDebitedEvent",
             map("userId", user, "orderId", order, "amount", won(total), "balance", won(balance)));
        String paidAt = now();
        emit(order, "Order", "order.OrderPaidEvent",
             map("orderId", order, "userId", user, "lines", priced, "couponId", coupon, "subtotal", won(subtotal),
                 "discount", won(discount), "total", won(total), "paidAt", paidAt));
        if (!first && n % 10 == 9) {
            cancel(order, user, product, quantity, priced, subtotal, total, paidAt);
        }
        if (n % 50 == 0) {
            int restocked = stocks.merge(product, 1_000, Integer::sum);
            emit(product, "Product", "catalog.ProductRestockedEvent",
                 map("productId", product, "quantity", 1_000, "stock", restocked));
        }
        if (n % 100 == 0) {
            long price = prices.get(product);
            prices.put(product, price + 100);
            emit(product, "Product", "catalog.ProductPriceChangedEvent",
                 map("productId", product, "oldPrice", won(price), "price", won(price + 100)));
        }
    }

    private void cancel(String order, String user, String product, int quantity, List<Object> priced, long subtotal,
                        long total, String paidAt) throws SQLException {
        emit(order, "Order", "order.OrderCancellationRequestedEvent",
             map("orderId", order, "userId", user, "lines", priced, "couponId", null, "requestedAt", now()));
        long balance = balances.merge(user, total, Long::sum);
        emit(user, "Account", "account.AccountRefundedEvent",
             map("userId", user, "orderId", order, "amount", won(total), "balance", won(balance)));
        int stock = stocks.merge(product, quantity, Integer::sum);
        emit(product, "Product", "catalog.StockReleasedEvent",
             map("productId", product, "orderId", order, "quantity", quantity, "stock", stock));
        emit(order, "Order", "order.OrderCancelledEvent",
             map("orderId", order, "userId", user, "lines", priced, "couponId", null, "subtotal", won(subtotal),
                 "discount", won(0), "total", won(total), "paidAt", paidAt, "cancelledAt", now()));
    }

    /** A message in a room; every tenth message edits the one before, every twentieth a member reads up to it. */
    private void message() throws SQLException {
        long n = messages++;
        int r = (int) (n % rooms.size());
        String room = rooms.get(r);
        long position = roomPositions.merge(room, 1L, Long::sum);
        String message = UUID.randomUUID().toString();
        String previous = lastMessage.put(room, message);
        emit(room, "Room", "chat.MessagePostedEvent",
             map("roomId", room, "messageId", message, "position", position, "senderId", member(r, (int) (n % 3)),
                 "text", "벤치 메시지 " + n + " about the market, 장터 " + (n % 1000), "replyTo", previous,
                 "groupId", "bench-" + run));
        if (n % 10 == 9 && previous != null) {
            emit(room, "Room", "chat.MessageEditedEvent",
                 map("roomId", room, "messageId", message, "text", "벤치 메시지 " + n + " (edited)"));
        }
        if (n % 20 == 19) {
            emit(room, "Room", "chat.MessagesReadEvent",
                 map("roomId", room, "userId", member(r, 4), "upToMessageId", message, "position", position));
        }
    }

    private String member(int room, int member) {
        return users.get((room * MEMBERS_PER_ROOM + member) % users.size());
    }

    private void emit(String aggregateId, String aggregateType, String type, Map<String, Object> payload)
            throws SQLException {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        out.append(aggregateId, sequence, aggregateType, start.plusMillis(written), API + type, payload, "bench");
        written++;
    }

    private String now() {
        return start.plusMillis(written).toString();
    }

    private String id(String kind, long n) {
        return "bench-" + run + "-" + kind + "-" + n;
    }

    private static Map<String, Object> won(long amount) {
        return map("won", amount);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
