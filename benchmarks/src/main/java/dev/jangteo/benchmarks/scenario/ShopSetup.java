package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.http.IssueResult;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.benchmarks.measure.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The shop scenario's world, made before its clock starts (not measured) and sent {@value #CONCURRENCY} requests at a time: buyers
 * with their tokens signed up front, each with a funded wallet and one claimed copy of one of {@value #COUPONS}
 * coupons, and a catalog whose list order is the popularity rank.
 */
final class ShopSetup {

    static final int COUPONS = 4;
    private static final int CONCURRENCY = 32;
    /** Enough for thousands of orders each at the highest price: a wallet never runs dry in a run. */
    private static final long DEPOSIT = 100_000_000L;
    private static final long STOCK = 1_000_000_000L;

    /** A buyer holding an unused copy of a coupon. */
    record Claim(ClientPool.Client holder, String couponId) {
    }

    /**
     * @param buyers   every buyer, wallet open and funded
     * @param products product ids, most popular first
     * @param claims   unused coupon copies, one per buyer; an order that redeems one takes it out
     */
    record World(List<ClientPool.Client> buyers, List<String> products, Queue<Claim> claims) {
    }

    private ShopSetup() {
    }

    /** Builds the world, telling {@code progress} how long each step took. */
    static World build(ShopClient shop, ApiClient api, int users, int products, Consumer<String> progress) {
        long start = System.nanoTime();
        ClientPool signed = ClientPool.prepare(users);
        List<ClientPool.Client> buyers = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            buyers.add(signed.next());
        }
        String admin = BenchTokens.admin();
        String[] catalog = new String[products];
        // Prices 1,000 to 50,000 won, not in popularity order, so revenue and quantity rankings differ.
        inParallel(products, i -> catalog[i] = shop.registerProduct("Shop product " + i, "category-" + i % 10,
                                                                    1_000L * (1 + (i * 37) % 50), STOCK, admin));
        progress.accept("setup: " + users + " tokens signed, " + products + " products registered after "
                                + Fmt.seconds(System.nanoTime() - start));
        List<String> coupons = new ArrayList<>();
        for (int c = 0; c < COUPONS; c++) {
            coupons.add(api.defineCoupon("Shop coupon " + c, users));
        }
        inParallel(users, i -> shop.openWallet(buyers.get(i), DEPOSIT));
        progress.accept("setup: " + COUPONS + " coupons defined, " + users + " wallets opened and funded after "
                                + Fmt.seconds(System.nanoTime() - start));
        Queue<Claim> claims = new ConcurrentLinkedQueue<>();
        inParallel(users, i -> {
            Claim claim = new Claim(buyers.get(i), coupons.get(i % COUPONS));
            IssueResult issued = api.issue(claim.couponId(), claim.holder());
            if (!issued.created()) {
                throw new BenchException("claiming a coupon answered " + issued.label());
            }
            claims.add(claim);
        });
        progress.accept("setup: " + claims.size() + " coupon copies claimed after "
                                + Fmt.seconds(System.nanoTime() - start));
        return new World(List.copyOf(buyers), List.of(catalog), claims);
    }

    /** Runs {@code task} for 0 to {@code count - 1} on {@value #CONCURRENCY} threads; the first failure ends it. */
    private static void inParallel(int count, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < CONCURRENCY; t++) {
                threads.execute(() -> {
                    for (int i = next.getAndIncrement(); i < count && failure.get() == null;
                         i = next.getAndIncrement()) {
                        try {
                            task.accept(i);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
