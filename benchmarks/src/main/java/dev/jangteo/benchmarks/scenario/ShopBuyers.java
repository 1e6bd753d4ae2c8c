package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.measure.Zipf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The shop's buyers in a closed loop, each order from a random wallet for one product drawn by popularity; one order
 * in {@value #COUPON_EVERY} redeems a claimed coupon (its holder orders), and one PAID order in {@value #CANCEL_EVERY}
 * is cancelled at once and followed until CANCELLED. Outcomes go to the tally only between {@link #measure()} and
 * {@link #stop()}.
 */
final class ShopBuyers implements AutoCloseable {

    static final int COUPON_EVERY = 10;
    static final int CANCEL_EVERY = 20;

    private final OrderFlow flow;
    private final ShopSetup.World world;
    private final Zipf popularity;
    private final ShopTally tally;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean measuring;
    private volatile boolean stopped;

    private ShopBuyers(OrderFlow flow, ShopSetup.World world, Zipf popularity, ShopTally tally) {
        this.flow = flow;
        this.world = world;
        this.popularity = popularity;
        this.tally = tally;
    }

    /** {@code clients} buyers, ordering from now on. */
    static ShopBuyers start(OrderFlow flow, ShopSetup.World world, Zipf popularity, ShopTally tally, int clients) {
        ShopBuyers buyers = new ShopBuyers(flow, world, popularity, tally);
        for (int i = 0; i < clients; i++) {
            buyers.threads.execute(buyers::buy);
        }
        return buyers;
    }

    void measure() {
        measuring = true;
    }

    void stop() {
        stopped = true;
    }

    /** Stops the buyers and waits for the orders in flight (each bounded by {@link OrderFlow}'s time-out). */
    @Override
    public void close() {
        stop();
        threads.close();
    }

    private boolean counts() {
        return measuring && !stopped;
    }

    private void buy() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stopped) {
            ShopSetup.Claim claim = null;
            if (random.nextInt(COUPON_EVERY) == 0) {
                claim = world.claims().poll();
                if (claim == null && counts()) {
                    tally.couponRanOut();
                }
            }
            ClientPool.Client buyer = claim != null ? claim.holder()
                    : world.buyers().get(random.nextInt(world.buyers().size()));
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("userId", buyer.userId());
            order.put("items", List.of(Map.of("productId", world.products().get(popularity.next(random)),
                                              "quantity", 1)));
            if (claim != null) {
                order.put("couponId", claim.couponId());
            }
            long began = System.nanoTime();
            OrderFlow.Outcome placed = flow.place(buyer, order);
            long took = System.nanoTime() - began;
            if (placed.is("PAID")) {
                if (counts()) {
                    tally.paid(took, claim != null);
                }
                if (random.nextInt(CANCEL_EVERY) == 0) {
                    cancel(buyer, placed.orderId(), claim);
                }
            } else if (placed.is("REJECTED")) {
                if (counts()) {
                    tally.rejected(placed.reason());
                }
                // a rejected order has given its coupon back
                if (claim != null) {
                    world.claims().add(claim);
                }
            } else if (counts()) {
                tally.error("order " + placed.status());
            }
        }
    }

    private void cancel(ClientPool.Client buyer, String orderId, ShopSetup.Claim claim) {
        long began = System.nanoTime();
        OrderFlow.Outcome cancelled = flow.cancel(buyer, orderId);
        long took = System.nanoTime() - began;
        if (cancelled.is("CANCELLED")) {
            if (counts()) {
                tally.cancelled(took);
            }
            // a cancelled order has given its coupon back
            if (claim != null) {
                world.claims().add(claim);
            }
        } else if (counts()) {
            tally.error("cancellation " + cancelled.status());
        }
    }
}
