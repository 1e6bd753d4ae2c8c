package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The restore drill, with {@code ./dev backup} and {@code ./dev restore} run as processes. While wallets claim a
 * coupon with fewer copies than wallets and order without waiting, and two members chat, a backup is taken; then a
 * user is erased and the load goes on a moment. The backup is restored into a new database, with the erasures since
 * the backup as shredding log, and apps start on it. The restored history is the original's up to the backup, event
 * for event; every order in it settles, also those in flight at the backup (their sagas and deadlines came back with
 * it); money, stock, sales, rankings and coupons add up to what the restored events say; the seal chain verifies and
 * passes through the seal the backup recorded; a verified replay of every group is equal; erased users stay erased.
 */
class BackupRestoreIT {

    /** Short steps: an order whose saga waits for an answer that came after the backup times out soon. */
    private static final String STEP_TIMEOUT = "--jangteo.orders.step-timeout=10s";
    private static final int WALLETS = 8;
    private static final int PRODUCTS = 3;
    private static final int COUPONS = 5;
    private static final int ORDERS_BEFORE_BACKUP = 40;
    private static final Set<String> FINAL = Set.of("PAID", "REJECTED", "CANCELLED");
    private static final String ERASED = "[erased]";

    @RegisterExtension
    static final StackExtension stack = new StackExtension("backup", 1, STEP_TIMEOUT);

    @Test
    void canRestoreABackupTakenUnderLoadAndRebuildEverythingFromIt() throws Exception {
        // The drill compares the restored PostgreSQL event table with the original's, row by row, and takes its orders
        // from it: under another store that table is empty, and every comparison would hold of nothing.
        assumeTrue(Stack.eventTableIsTheStore(), "the backup restores the PostgreSQL event table");
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < WALLETS; i++) {
            wallets.add(Shop.unique("wallet"));
            Shop.openAccount(stack.command(), wallets.getLast(), DrillLoad.FUNDS);
        }
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(Shop.product(stack.command(), DrillLoad.PRICE, DrillLoad.STOCK));
        }
        String coupon = tenPercentCoupon(COUPONS);
        String erasedBefore = erase(openAccount("erased-before"));
        String erasedAfter = openAccount("erased-after");
        List<String> members = wallets.subList(0, 2);
        String room = Chat.createRoom(stack.command(), members.get(0), "drill");
        assertThat(Chat.join(stack.command(), room, members.get(1)).status()).isIn(200, 201, 204);

        Path backup = Backups.newFolder();
        DrillLoad load = new DrillLoad(stack.command(), wallets, products, coupon, room, members).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> load.acceptedOrders() >= ORDERS_BEFORE_BACKUP);
        long started = System.nanoTime();
        Backups.backup(stack.get(), backup);
        long backupMillis = (System.nanoTime() - started) / 1_000_000;
        erase(erasedAfter);
        String lost = Chat.say(stack.command(), room, members.get(0), "after the backup");
        OrderBooks.pause(1_000);
        load.stop();
        Path shreddingLog = shreddingLog(backup);

        Map<String, String> manifest = Backups.manifest(backup.resolve("events"));
        String database = Stack.newDatabaseName("restored");
        try {
            started = System.nanoTime();
            Backups.Run restore = Backups.restore(backup, database, "--shredded", shreddingLog.toString());
            long restoreMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(restore.exit()).as("./dev restore: %s", restore.output()).isZero();
            List<String> inFlight;
            try (Connection original = stack.connect(); Connection restored = Stack.connect(database)) {
                Map<Long, String> restoredEvents = Backups.eventDigests(restored);
                Map<Long, String> originalEvents = Backups.eventDigests(original);
                long head = Long.parseLong(manifest.get("events_head"));
                assertThat(originalEvents).as("the original history holds each restored event as it is")
                                          .containsAllEntriesOf(restoredEvents);
                assertThat(restoredEvents).hasSize(Integer.parseInt(manifest.get("events")));
                assertThat(Collections.max(restoredEvents.keySet())).isEqualTo(head);
                assertThat(Collections.max(originalEvents.keySet())).as("events after the backup").isGreaterThan(head);
                inFlight = DrillLoad.ordersInFlight(restored);
                assertThat(inFlight).as("orders in flight at the backup").isNotEmpty();
                System.out.printf("./dev backup %d ms at position %d of %d, %d orders in flight; ./dev restore %d ms%n",
                                  backupMillis, head, Collections.max(originalEvents.keySet()), inFlight.size(),
                                  restoreMillis);
            }
            try (Stack restored = Stack.onExistingDatabase(database, STEP_TIMEOUT)) {
                URI query = restored.query();
                List<DrillLoad.Order> orders;
                try (Connection connection = restored.connect()) {
                    orders = DrillLoad.ordersIn(connection);
                }
                Map<String, JsonNode> outcomes = awaitOutcomes(restored, orders);
                assertThat(outcomes).containsKeys(inFlight.toArray(String[]::new));
                assertBooksBalance(restored, wallets, products, coupon, orders, outcomes);
                assertSealChainReachesTheBackupsSeal(restored, manifest);
                Map<String, String> history = Chat.awaitIndexEqualsHistory(restored);
                assertThat(history).isNotEmpty().doesNotContainKey(room + "/" + lost);
                // The restored query side rebuilds every read model, and the message index with a replay of its
                // group; a group is verified once it has caught up (while it replays, verify answers 409 by design).
                Operators.awaitCaughtUp(query);
                for (String group : Operators.names(query)) {
                    JsonNode verification = Operators.verify(query, group);
                    assertThat(verification.path("equal").asBoolean()).as("%s: %s", group, verification).isTrue();
                }
                for (String erased : List.of(erasedBefore, erasedAfter)) {
                    assertThat(Shop.get(query, "/api/accounts/" + erased).path("email").asText()).isEqualTo(ERASED);
                    assertThat(Shop.get(query, "/api/audit/aggregates/" + erased + "/events").path("items").get(0)
                                   .path("payload").path("email").asText()).isEqualTo(ERASED);
                }
                assertThat(Shop.get(query, "/api/accounts/" + wallets.getFirst()).path("email").asText())
                        .as("a key that was not erased came back").isEqualTo(wallets.getFirst() + "@example.com");
            }
        } finally {
            Stack.dropDatabase(database);
        }
    }

    @Test
    void cannotRestoreOverADatabaseThatHoldsDataOrIsInUse() throws Exception {
        Path backup = Backups.newFolder();
        Backups.backup(stack.get(), backup);
        Map<Long, String> before;
        try (Connection connection = stack.connect()) {
            before = Backups.eventDigests(connection);
        }

        Backups.Run overData = Backups.restore(backup, stack.get().database());
        Backups.Run inUse = Backups.restore(backup, stack.get().database(), "--replace");

        assertThat(overData.exit()).as(overData.output()).isNotZero();
        assertThat(overData.output()).contains("is not empty", "--replace");
        assertThat(inUse.exit()).as(inUse.output()).isNotZero();
        assertThat(inUse.output()).contains("stop the apps");
        try (Connection connection = stack.connect()) {
            assertThat(Backups.eventDigests(connection)).isEqualTo(before);
        }
    }

    @Test
    void cannotRestoreADamagedBackup() throws Exception {
        Path backup = Backups.newFolder();
        Backups.backup(stack.get(), backup);
        try (RandomAccessFile dump = new RandomAccessFile(backup.resolve("events/command_side.dump").toFile(), "rw")) {
            dump.seek(dump.length() / 2);
            int octet = dump.read();
            dump.seek(dump.length() / 2);
            dump.write(octet ^ 0xff);
        }
        String database = Stack.newDatabaseName("damaged");

        Backups.Run restore = Backups.restore(backup, database);

        assertThat(restore.exit()).as(restore.output()).isNotZero();
        assertThat(restore.output()).contains("does not match the checksum").doesNotContain("creating database");
    }

    /**
     * A deadline that was firing when the backup was taken (picked by a scheduler of the backed-up system) is due
     * again after the restore, not left to db-scheduler's detection of dead executions half an hour later.
     */
    @Test
    void canMakeDueAgainTheDeadlinesThatWereFiringAtTheBackup() throws Exception {
        String probe = Shop.unique("firing");
        try (Connection connection = stack.connect()) {
            connection.createStatement().execute("INSERT INTO command_side.scheduled_tasks (task_name, task_instance,"
                    + " execution_time, picked, picked_by, last_heartbeat, version) VALUES ('backup-probe', '" + probe
                    + "', now() + interval '1 day', true, 'gone@elsewhere', now(), 1)");
        }
        Path backup = Backups.newFolder();
        try {
            Backups.backup(stack.get(), backup);
        } finally {
            try (Connection connection = stack.connect()) {
                connection.createStatement().execute("DELETE FROM command_side.scheduled_tasks"
                                                             + " WHERE task_instance = '" + probe + "'");
            }
        }
        String database = Stack.newDatabaseName("revived");
        try {
            Backups.Run restore = Backups.restore(backup, database);

            assertThat(restore.exit()).as(restore.output()).isZero();
            try (Connection connection = Stack.connect(database);
                 var row = connection.createStatement().executeQuery("SELECT picked, picked_by FROM "
                         + "command_side.scheduled_tasks WHERE task_instance = '" + probe + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean(1)).isFalse();
                assertThat(row.getString(2)).isNull();
            }
        } finally {
            Stack.dropDatabase(database);
        }
    }

    /**
     * Keys from an older backup than the events (say, the newest events backup is lost): the key of an account
     * closed in between is in that key backup, and the restored events say it was erased; a user erased after both
     * backups is named by the shredding log. Both keys are erased again, and the stale search index of the
     * deployment being restored is deleted.
     */
    @Test
    void canEraseAgainTheKeysThatTheRestoredEventsOrTheShreddingLogSayAreErased() throws Exception {
        String kept = openAccount("kept");
        String closed = openAccount("closed");
        String erasedLater = openAccount("erased-later");
        Path older = Backups.newFolder();
        Backups.backup(stack.get(), older, "--keys-only");
        erase(closed);
        Path newer = Backups.newFolder();
        Backups.backup(stack.get(), newer);
        Path shreddingLog = Files.writeString(newer.resolve("shredded.txt"), "# erased since\n" + erasedLater + "\n");
        String database = Stack.newDatabaseName("rekeyed");
        String searchPrefix = database + "-";
        Search.createIndex(searchPrefix + "messages-v1-1");
        try {
            Backups.Run restore = Backups.restore(newer, database, "--keys", older.toString(),
                                                  "--shredded", shreddingLog.toString(),
                                                  "--search-prefix", searchPrefix);

            assertThat(restore.exit()).as(restore.output()).isZero();
            assertThat(restore.output())
                    .contains("erased again: 1 users closed in the events, 1 from the shredding log");
            try (Connection connection = Stack.connect(database)) {
                assertThat(Backups.keys(connection, kept, closed, erasedLater))
                        .containsEntry(kept, true).containsEntry(closed, false).containsEntry(erasedLater, false);
            }
            assertThat(Search.indices(searchPrefix)).isEmpty();
        } finally {
            Stack.dropDatabase(database);
            Search.deleteIndices(searchPrefix);
        }
    }

    private static String openAccount(String prefix) {
        String user = Shop.unique(prefix);
        Shop.openAccount(stack.command(), user, 0);
        return user;
    }

    private static String erase(String user) {
        Answer deleted = Http.delete(stack.command().resolve("/api/accounts/" + user));
        assertThat(deleted.status()).as("delete %s: %s", user, deleted.body()).isEqualTo(200);
        return user;
    }

    private static String tenPercentCoupon(int copies) {
        Answer created = Http.post(stack.command().resolve("/api/coupons"), Map.of(
                "name", "Drill", "discountType", "PERCENT", "discountValue", 10, "totalQuantity", copies));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.body().path("couponId").asText();
    }

    /** The subjects erased in the original database so far, as an operator lists them for the restore. */
    private static Path shreddingLog(Path backup) throws Exception {
        List<String> subjects = new ArrayList<>();
        try (Connection connection = stack.connect();
             var rows = connection.createStatement().executeQuery(
                     "SELECT subject FROM personal_data.subject_key WHERE key_bytes IS NULL")) {
            while (rows.next()) {
                subjects.add(rows.getString(1));
            }
        }
        return Files.write(backup.resolve("shredded.txt"), subjects);
    }

    /** Each order's view once every order has a final status; on a timeout, the orders still open. */
    private static Map<String, JsonNode> awaitOutcomes(Stack restored, List<DrillLoad.Order> orders)
            throws Exception {
        URI query = restored.query();
        Map<String, JsonNode> outcomes = new ConcurrentHashMap<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (DrillLoad.Order order : orders) {
                    if (!outcomes.containsKey(order.orderId())) {
                        Answer view = Http.get(query.resolve("/api/orders/" + order.orderId()),
                                               Tokens.client(order.userId()));
                        if (view.status() == 200 && FINAL.contains(view.body().path("status").asText())) {
                            outcomes.put(order.orderId(), view.body());
                        }
                    }
                }
                return outcomes.size() == orders.size();
            });
        } catch (ConditionTimeoutException timeout) {
            List<String> open = orders.stream().map(DrillLoad.Order::orderId)
                                      .filter(id -> !outcomes.containsKey(id)).toList();
            StringBuilder where = new StringBuilder();
            try (Connection connection = restored.connect()) {
                for (String orderId : open) {
                    where.append('\n').append(DrillLoad.whereItStopped(connection, orderId));
                }
            }
            throw new AssertionError(open.size() + " orders never settled after the restore:" + where, timeout);
        }
        return outcomes;
    }

    /**
     * Balances (read model and audit state) are the deposits less what the PAID orders cost, stock is the initial
     * stock less what they took, daily sales and rankings count them, and a coupon used in an order is redeemed
     * exactly when the order was paid.
     */
    private static void assertBooksBalance(Stack restored, List<String> wallets, List<String> products,
                                           String coupon, List<DrillLoad.Order> orders,
                                           Map<String, JsonNode> outcomes) throws Exception {
        URI query = restored.query();
        Map<String, Long> spent = new HashMap<>();
        Map<String, Long> sold = new HashMap<>();
        for (DrillLoad.Order order : orders) {
            JsonNode view = outcomes.get(order.orderId());
            boolean paid = view.path("status").asText().equals("PAID");
            if (paid) {
                spent.merge(order.userId(), view.path("total").asLong(), Long::sum);
                sold.merge(order.productId(), (long) order.quantity(), Long::sum);
            }
            if (order.couponId() != null) {
                JsonNode held = Shop.get(query, "/api/users/" + order.userId() + "/coupons").path("coupons").get(0);
                assertThat(held.path("state").asText()).as("coupon of %s, order %s", order.userId(), view)
                                                     .isEqualTo(paid ? "REDEEMED" : "ISSUED");
            }
        }
        assertThat(sold.values().stream().mapToLong(Long::longValue).sum()).as("orders paid").isPositive();
        for (String wallet : wallets) {
            long balance = DrillLoad.FUNDS - spent.getOrDefault(wallet, 0L);
            Shop.awaitBalance(query, wallet, balance);
            assertThat(auditState(query, wallet).path("balance").asLong()).as("audit balance of %s", wallet)
                                                                       .isEqualTo(balance);
        }
        for (String product : products) {
            int units = sold.getOrDefault(product, 0L).intValue();
            Shop.awaitStock(query, product, DrillLoad.STOCK - units);
            assertThat(auditState(query, product).path("stock").asInt()).isEqualTo(DrillLoad.STOCK - units);
            Shop.awaitSold(query, product, units);
        }
        long issued = CouponRace.count(restored, "SELECT count(*) FROM command_side.domain_event_entry WHERE "
                + "aggregate_identifier = ? AND payload_type = 'dev.jangteo.api.coupon.CouponIssuedEvent'", coupon);
        assertThat(issued).isBetween(1L, (long) COUPONS);
        assertThat(Shop.get(query, "/api/coupons/" + coupon).path("issued").asLong()).isEqualTo(issued);
    }

    /**
     * The query side of the restored database seals its events afresh; the chain verifies, and at the position the
     * backup's seal head had, it has that very seal: the restored history is the one that was sealed.
     */
    private static void assertSealChainReachesTheBackupsSeal(Stack restored, Map<String, String> manifest)
            throws Exception {
        JsonNode verification = Operators.verifySealChain(restored);
        assertThat(verification.path("verified").asBoolean()).as("%s", verification).isTrue();

        long sealPosition = Long.parseLong(manifest.get("seal_position"));
        assertThat(sealPosition).as("the backup recorded a seal").isPositive();
        try (Connection connection = restored.connect();
             var row = connection.createStatement().executeQuery(
                     "SELECT encode(seal, 'hex') FROM query_side.audit_seal WHERE global_index = " + sealPosition)) {
            assertThat(row.next()).as("a seal at position %d", sealPosition).isTrue();
            assertThat(row.getString(1)).isEqualTo(manifest.get("seal"));
        }
    }

    private static JsonNode auditState(URI query, String aggregateId) {
        return Shop.get(query, "/api/audit/aggregates/" + aggregateId + "/state").path("state");
    }
}
