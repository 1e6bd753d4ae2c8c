package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.http.IssueResult;
import dev.jangteo.benchmarks.measure.Sample;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Closed-loop load on one coupon: up to {@code maxClients} virtual threads, client {@code i}
 * sending issue requests for fresh users back to back while {@code i < activeClients}. Results go
 * to the current {@link Sample}, which the caller swaps to separate warm-up from measurement.
 */
final class ClosedLoop implements AutoCloseable {

    private static final Duration IDLE_PAUSE = Duration.ofMillis(5);
    private static final Duration ERROR_PAUSE = Duration.ofMillis(50);

    private final ApiClient api;
    private final String couponId;
    private final AtomicReference<Sample> sink;
    private final LongAdder created = new LongAdder();
    private final ClientPool clients;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopped;

    /** Clients claim as the users of {@code clients}, one new user per request. */
    ClosedLoop(ApiClient api, String couponId, Sample first, ClientPool clients) {
        this.api = api;
        this.couponId = couponId;
        this.sink = new AtomicReference<>(first);
        this.clients = clients;
    }

    void start(int maxClients, IntSupplier activeClients) {
        for (int i = 0; i < maxClients; i++) {
            int index = i;
            threads.execute(() -> client(index, activeClients));
        }
    }

    /** From now on results go to {@code next}. */
    void recordInto(Sample next) {
        sink.set(next);
    }

    /** Every 201 since the start, whichever sample it went to. */
    long created() {
        return created.sum();
    }

    /** Stops the clients and waits for requests in flight (bounded by the request timeout). */
    @Override
    public void close() {
        stopped = true;
        threads.close();
    }

    private void client(int index, IntSupplier activeClients) {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            if (index >= activeClients.getAsInt()) {
                pause(IDLE_PAUSE);
                continue;
            }
            IssueResult result = api.issue(couponId, clients.next());
            if (result.created()) {
                created.increment();
            }
            sink.get().record(result);
            if (!result.answered()) {
                pause(ERROR_PAUSE);
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
