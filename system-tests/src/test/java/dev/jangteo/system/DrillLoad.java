package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load a restore drill backs up under: one client per wallet that claims a coupon with fewer copies than
 * wallets and then places one-item orders without waiting for their outcome (its first order redeems the coupon when
 * it got one), and two members chatting in a room, all until stopped. What the restored store holds is read from its
 * events afterwards ({@link #ordersIn}): the drill checks the books against those, not against what the clients sent.
 */
final class DrillLoad {

    static final long PRICE = 100;
    static final long FUNDS = 20 * PRICE;
    static final int STOCK = 60;
    private static final int MAX_ORDERS_PER_WALLET = 60;
    private static final int MAX_MESSAGES = 300;

    /** An order as its OrderPlacedEvent says: one line. */
    record Order(String orderId, String userId, String productId, int quantity, String couponId) {
    }

    private final URI command;
    private final List<String> wallets;
    private final List<String> products;
    private final String coupon;
    private final String room;
    private final List<String> members;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger acceptedOrders = new AtomicInteger();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> clients = new ArrayList<>();

    DrillLoad(URI command, List<String> wallets, List<String> products, String coupon, String room,
              List<String> members) {
        this.command = command;
        this.wallets = wallets;
        this.products = products;
        this.coupon = coupon;
        this.room = room;
        this.members = members;
    }

    DrillLoad start() {
        for (int i = 0; i < wallets.size(); i++) {
            int client = i;
            clients.add(Thread.ofVirtual().start(() -> guarded(() -> shop(client))));
        }
        clients.add(Thread.ofVirtual().start(() -> guarded(this::chat)));
        return this;
    }

    int acceptedOrders() {
        return acceptedOrders.get();
    }

    /** Stops every client and fails if any met an answer the load does not expect. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        assertThat(failures).as("load clients").isEmpty();
    }

    private void shop(int client) {
        String wallet = wallets.get(client);
        Answer claim = CouponRace.claim(command, coupon, wallet);
        assertThat(claim.status()).as("claim of %s: %s", wallet, claim.body()).isIn(201, 409);
        String heldCoupon = claim.status() == 201 ? coupon : null;
        for (int n = 0; n < MAX_ORDERS_PER_WALLET && !stop.get(); n++) {
            String product = products.get((client + n) % products.size());
            Answer placed = Shop.placeOrder(command, wallet, Map.of(product, 1), n == 0 ? heldCoupon : null);
            assertThat(placed.status()).as("order of %s: %s", wallet, placed.body()).isEqualTo(202);
            acceptedOrders.incrementAndGet();
        }
    }

    private void chat() {
        for (int n = 0; n < MAX_MESSAGES && !stop.get(); n++) {
            Chat.say(command, room, members.get(n % members.size()), "장터 소식 " + n + ": market news " + n);
        }
    }

    private void guarded(Runnable client) {
        try {
            client.run();
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    /** Every order in the event store of {@code connection}, as placed. */
    static List<Order> ordersIn(Connection connection) throws Exception {
        List<Order> orders = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT convert_from(payload, 'UTF8') FROM command_side.domain_event_entry"
                        + " WHERE payload_type = 'dev.jangteo.api.order.OrderPlacedEvent'")) {
            while (rows.next()) {
                JsonNode placed = JsonHttp.JSON.readTree(rows.getString(1));
                JsonNode line = placed.path("lines").get(0);
                orders.add(new Order(placed.path("orderId").asText(), placed.path("userId").asText(),
                                     line.path("productId").asText(), line.path("quantity").asInt(),
                                     placed.path("couponId").isTextual() ? placed.path("couponId").asText() : null));
            }
        }
        return orders;
    }

    /** The orders of the event store of {@code connection} that have neither been paid nor rejected there. */
    static List<String> ordersInFlight(Connection connection) throws SQLException {
        List<String> open = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("""
                SELECT p.aggregate_identifier FROM command_side.domain_event_entry p
                 WHERE p.payload_type = 'dev.jangteo.api.order.OrderPlacedEvent'
                   AND NOT EXISTS (SELECT 1 FROM command_side.domain_event_entry s
                                    WHERE s.aggregate_identifier = p.aggregate_identifier
                                      AND s.payload_type IN ('dev.jangteo.api.order.OrderPaidEvent',
                                                             'dev.jangteo.api.order.OrderRejectedEvent'))""")) {
            while (rows.next()) {
                open.add(rows.getString(1));
            }
        }
        return open;
    }

    /**
     * Where the order {@code orderId} stands in the store of {@code connection}: the types of the events that name it,
     * the state of its payment saga and the deadlines scheduled for that saga (picked or not, when due).
     */
    static String whereItStopped(Connection connection, String orderId) throws SQLException {
        StringBuilder found = new StringBuilder(orderId).append(": events");
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT global_index, substring(payload_type FROM '[^.]*$') FROM command_side.domain_event_entry
                 WHERE position(convert_to(?, 'UTF8') IN payload) > 0 ORDER BY global_index""")) {
            statement.setString(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.append(' ').append(rows.getLong(1)).append(':').append(rows.getString(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT s.saga_id, s.saga_type, convert_from(s.serialized_saga, 'UTF8'),
                       (SELECT string_agg(t.execution_time || (CASE WHEN t.picked THEN ' picked' ELSE '' END), ', ')
                          FROM command_side.scheduled_tasks t
                         WHERE position(convert_to(s.saga_id, 'UTF8') IN t.task_data) > 0)
                  FROM command_side.saga_entry s JOIN command_side.association_value_entry a USING (saga_id)
                 WHERE a.association_value = ?""")) {
            statement.setString(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.append("; saga ").append(rows.getString(2)).append(' ').append(rows.getString(3))
                         .append(" deadlines [").append(rows.getString(4)).append(']');
                }
            }
        }
        return found.toString();
    }
}
