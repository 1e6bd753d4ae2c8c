package dev.jangteo.query.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.Money;
import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.OrderEvents;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.testkit.Answer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static dev.jangteo.query.support.OrderEvents.line;
import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis rankings against the truth: random payments and cancellations over days that cross an ISO week and a
 * month, checked for every day, week and month, both figures, with a cut-off inside a tie; the PostgreSQL answer
 * must be the same. Then redelivery, rebuild and a Redis that lost its keys. Retention is ten years here, so the
 * fixed dates of the data stay in Redis whenever this runs.
 */
@TestPropertySource(properties = "jangteo.rankings.retention=3650d")
class RankingIT extends QuerySideStack {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private StringRedisTemplate redis;
    @Autowired
    private RankingKeys keys;

    /** What the rankings must say: every line change with its sales day, kept by the test itself. */
    private record Sale(String productId, LocalDate day, long quantity, long revenue) {
    }

    private record Product(String id, String name, String category, long price) {
    }

    private final List<Sale> sales = new ArrayList<>();
    private final Map<String, Product> products = new HashMap<>();

    @Test
    void canRankEveryDayWeekAndMonthExactly() {
        LocalDate first = LocalDate.parse("2026-10-26");
        long position = randomOrders(new Random(20261121), first, 10, 8, 160);

        int tiesAtTheCut = 0;
        for (Period period : Period.values()) {
            for (LocalDate date : datesOf(period, first, first.plusDays(9))) {
                for (Figure figure : Figure.values()) {
                    for (int limit : new int[]{100, 3}) {
                        List<String> expected = expected(period, date, figure, limit);
                        String query = query(period, date, figure, limit);
                        await().atMost(Duration.ofSeconds(30))
                               .untilAsserted(() -> assertRanking(ranking(query, position), "redis", expected));
                        assertRanking(ranking(query + "&source=database", position), "database", expected);
                        tiesAtTheCut += tieAtTheCut(period, date, figure, limit) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(tiesAtTheCut).as("cases where the cut-off falls inside a tie").isPositive();
    }

    @Test
    void canCountARedeliveredEventOnce() {
        LocalDate first = LocalDate.parse("2026-06-01");
        long before = history.lastPosition();
        Case ranked = inRedis(new Random(7), first, 3, 4, 30, Period.MONTHLY, Figure.REVENUE);
        long position = ranked.position();

        rewindRankings(before);

        awaitRedis(ranked);
        assertRanking(ranking(query(Period.WEEKLY, first, Figure.QUANTITY, 100), position), "redis",
                      expected(Period.WEEKLY, first, Figure.QUANTITY, 100));
    }

    @Test
    void canRebuildEveryKeyFromTheEvents() {
        Case ranked = inRedis(new Random(11), LocalDate.parse("2026-03-02"), 4, 5, 40, Period.WEEKLY,
                              Figure.QUANTITY);

        Answer rebuild = http.post("/api/admin/rankings/rebuild");

        assertThat(rebuild.status()).isEqualTo(202);
        awaitRedis(ranked);
    }

    @Test
    void canRebuildOnItsOwnWhenRedisLostTheKeys() {
        LocalDate first = LocalDate.parse("2026-01-05");
        long position = randomOrders(new Random(3), first, 2, 3, 12);
        String query = query(Period.DAILY, first, Figure.REVENUE, 100);
        await().untilAsserted(() -> assertRanking(ranking(query, position), "redis",
                                                  expected(Period.DAILY, first, Figure.REVENUE, 100)));

        Set<String> lost = redis.keys(keys.everyKey());
        redis.delete(lost);
        long after = randomOrders(new Random(4), first, 2, 3, 5);

        await().atMost(Duration.ofSeconds(60))
               .untilAsserted(() -> assertRanking(ranking(query, after), "redis",
                                                  expected(Period.DAILY, first, Figure.REVENUE, 100)));
    }

    /**
     * Redis restarted empty in a quiet hour: no event arrives to make the projection notice. Queries answer the
     * truth from PostgreSQL at once, operators see why, and the rankings come back in Redis on their own.
     */
    @Test
    void canAnswerRightAndRebuildWithNoEventWhenRedisRestartedEmpty() {
        Case ranked = inRedis(new Random(5), LocalDate.parse("2026-08-03"), 3, 4, 20, Period.WEEKLY,
                              Figure.QUANTITY);

        redis.delete(redis.keys(keys.everyKey()));

        assertRanking(ranking(ranked.query(), ranked.position()), "database", ranked.expected());
        assertThat(http.get("/api/admin/rankings").body().path("reason").asText()).isNotEqualTo("current");
        awaitRedis(ranked);
        await().untilAsserted(() -> assertThat(http.get("/api/admin/rankings").body().path("reason").asText())
                .isEqualTo("current"));
        assertThat(history.lastPosition()).as("no event was needed").isEqualTo(ranked.position());
    }

    @Test
    void canAnswerFromPostgresForAPeriodPastRetention() {
        JsonNode ranking = ranking("/api/rankings/products?period=daily&date=2000-01-03", history.lastPosition());

        assertThat(ranking.path("source").asText()).isEqualTo("database");
        assertThat(ranking.path("items")).isEmpty();
    }

    @Test
    void canDescribeThePeriodItRanks() {
        JsonNode ranking = ranking("/api/rankings/products?period=weekly&date=2026-11-04&by=revenue&limit=5",
                                   history.lastPosition());

        assertThat(ranking.path("period").asText()).isEqualTo("weekly");
        assertThat(ranking.path("date").asText()).isEqualTo("2026-11-04");
        assertThat(ranking.path("from").asText()).isEqualTo("2026-11-02");
        assertThat(ranking.path("to").asText()).isEqualTo("2026-11-08");
        assertThat(ranking.path("by").asText()).isEqualTo("revenue");
    }

    @Test
    void cannotAskForABadRanking() {
        for (String bad : List.of("period=yearly", "by=price", "limit=0", "limit=101", "limit=ten", "date=2026-13-01",
                                  "date=yesterday", "source=cache")) {
            Answer refused = http.get("/api/rankings/products?" + bad);

            assertProblem(refused, 400, "VALIDATION_FAILED", bad);
        }
    }

    /** Appends {@code orders} random orders over {@code days} days; about a quarter are cancelled later. */
    private long randomOrders(Random random, LocalDate first, int days, int productCount, int orders) {
        List<Product> catalog = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            Product product = new Product(Ids.of("product"), "Product " + i, i % 2 == 0 ? "food" : "home",
                                          (1 + random.nextInt(3)) * 500L);
            history.append("Product", product.id(), new ProductRegisteredEvent(
                    product.id(), product.name(), product.category(), Money.won(product.price()), 1_000_000));
            products.put(product.id(), product);
            catalog.add(product);
        }
        for (int i = 0; i < orders; i++) {
            LocalDate day = first.plusDays(random.nextInt(days));
            Instant paidAt = day.atStartOfDay(SEOUL).plusSeconds(random.nextInt(86_400)).toInstant();
            List<Product> shuffled = new ArrayList<>(catalog);
            Collections.shuffle(shuffled, random);
            List<PricedLine> lines = new ArrayList<>();
            for (Product product : shuffled.subList(0, 1 + random.nextInt(Math.min(3, shuffled.size())))) {
                lines.add(line(product.id(), 1 + random.nextInt(4), product.price()));
            }
            OrderEvents order = OrderEvents.of(Ids.of("user"), lines.toArray(PricedLine[]::new));
            history.append(OrderEvents.AGGREGATE, order.orderId(), order.placed(paidAt), order.paid(paidAt));
            record(lines, day, 1);
            if (random.nextInt(4) == 0) {
                history.append(OrderEvents.AGGREGATE, order.orderId(), order.cancellationRequested(paidAt.plusSeconds(60)),
                               order.cancelled(paidAt, paidAt.plusSeconds(90)));
                record(lines, day, -1);
            }
        }
        return history.lastPosition();
    }

    private void record(List<PricedLine> lines, LocalDate day, int sign) {
        for (PricedLine line : lines) {
            sales.add(new Sale(line.productId(), day, sign * line.quantity(), sign * line.amount().won()));
        }
    }

    /** The test's own ranking, each item as "rank productId quantity revenue name category". */
    private List<String> expected(Period period, LocalDate date, Figure figure, int limit) {
        List<Map.Entry<String, long[]>> ranked = ranked(period, date, figure);
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : ranked.subList(0, Math.min(limit, ranked.size()))) {
            Product product = products.get(entry.getKey());
            items.add((items.size() + 1) + " " + entry.getKey() + " " + entry.getValue()[0] + " "
                              + entry.getValue()[1] + " " + product.name() + " " + product.category());
        }
        return items;
    }

    /** Whether the product just past the cut-off has the same figure as the last one in. */
    private boolean tieAtTheCut(Period period, LocalDate date, Figure figure, int limit) {
        List<Map.Entry<String, long[]>> ranked = ranked(period, date, figure);
        int index = figure == Figure.QUANTITY ? 0 : 1;
        return ranked.size() > limit
                && ranked.get(limit - 1).getValue()[index] == ranked.get(limit).getValue()[index];
    }

    private List<Map.Entry<String, long[]>> ranked(Period period, LocalDate date, Figure figure) {
        Map<String, long[]> totals = new HashMap<>();
        for (Sale sale : sales) {
            if (!sale.day().isBefore(period.first(date)) && !sale.day().isAfter(period.last(date))) {
                long[] total = totals.computeIfAbsent(sale.productId(), id -> new long[2]);
                total[0] += sale.quantity();
                total[1] += sale.revenue();
            }
        }
        int index = figure == Figure.QUANTITY ? 0 : 1;
        return totals.entrySet().stream()
                     .filter(entry -> entry.getValue()[index] > 0)
                     .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[index])
                                       .thenComparing(Map.Entry::getKey, RankingStore.PRODUCT_ORDER))
                     .toList();
    }

    /** One date per period covering {@code first..last}. */
    private static Set<LocalDate> datesOf(Period period, LocalDate first, LocalDate last) {
        Set<LocalDate> dates = new TreeSet<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            dates.add(period.first(day));
        }
        return dates;
    }

    private static String query(Period period, LocalDate date, Figure figure, int limit) {
        return "/api/rankings/products?period=" + period.parameter() + "&date=" + date + "&by=" + figure.parameter()
                + "&limit=" + limit;
    }

    private JsonNode ranking(String query, long position) {
        Answer response = http.get(query, position);
        assertThat(response.status()).as(query).isEqualTo(200);
        assertThat(response.header("X-Consistency")).as(query).isEqualTo("CONSISTENT");
        return response.body();
    }

    /** A ranking query, the position its answer must include, and the items it must answer. */
    private record Case(String query, long position, List<String> expected) {
    }

    /** Random orders from {@code first} ({@link #randomOrders}), then their ranking of a period as Redis answers it. */
    private Case inRedis(Random random, LocalDate first, int days, int productCount, int orders, Period period,
                         Figure figure) {
        long position = randomOrders(random, first, days, productCount, orders);
        Case ranked = new Case(query(period, first, figure, 100), position, expected(period, first, figure, 100));
        awaitRedis(ranked);
        return ranked;
    }

    /** Waits for Redis to answer the case's query with its items once the projections reach its position. */
    private void awaitRedis(Case ranked) {
        await().atMost(Duration.ofSeconds(60))
               .untilAsserted(() -> assertRanking(ranking(ranked.query(), ranked.position()), "redis",
                                                  ranked.expected()));
    }

    private static void assertRanking(JsonNode ranking, String source, List<String> expected) {
        assertThat(ranking.path("source").asText()).isEqualTo(source);
        List<String> items = new ArrayList<>();
        for (JsonNode item : ranking.path("items")) {
            items.add(item.path("rank").asInt() + " " + item.path("productId").asText() + " "
                              + item.path("quantity").asLong() + " " + item.path("revenue").asLong() + " "
                              + item.path("name").asText() + " " + item.path("category").asText());
        }
        assertThat(items).isEqualTo(expected);
    }

    /**
     * A crash between the Redis write and the token commit: the tokens of every segment of the rankings processor go
     * back to {@code position}, so every later event reaches the projection a second time.
     */
    private void rewindRankings(long position) {
        StreamingEventProcessor processor = processing.eventProcessor(RankingProjection.GROUP,
                                                                      StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        transaction.executeWithoutResult(status -> {
            for (int segment : tokenStore.fetchSegments(RankingProjection.GROUP)) {
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(position, Collections.emptySet()),
                                      RankingProjection.GROUP, segment);
            }
        });
        processor.start();
    }
}
