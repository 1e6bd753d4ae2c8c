package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.benchmarks.measure.Latencies;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Analysts reading {@code GET /api/rankings/products} back to back (daily, weekly and monthly in turn), each
 * answer timed; nothing is recorded until {@link #measure()} and nothing after {@link #stop()}, so a caller can
 * warm up first and keep requests still in flight out of its window.
 */
final class RankingReaders implements AutoCloseable {

    private static final String[] QUERIES = {"/api/rankings/products?period=daily&by=quantity&limit=10",
                                              "/api/rankings/products?period=weekly&by=revenue&limit=10",
                                              "/api/rankings/products?period=monthly&by=quantity&limit=10"};

    private final ShopClient shop;
    private final Latencies latencies = new Latencies();
    private final LongAdder fromRedis = new LongAdder();
    private final LongAdder fromDatabase = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean measuring;
    private volatile boolean stopped;

    private RankingReaders(ShopClient shop) {
        this.shop = shop;
    }

    /** {@code clients} readers, reading from now on. */
    static RankingReaders start(ShopClient shop, int clients) {
        RankingReaders readers = new RankingReaders(shop);
        for (int i = 0; i < clients; i++) {
            int first = i;
            String analyst = BenchTokens.analyst();
            readers.threads.execute(() -> readers.read(first, analyst));
        }
        return readers;
    }

    void measure() {
        measuring = true;
    }

    void stop() {
        stopped = true;
    }

    Latencies latencies() {
        return latencies;
    }

    /** Reads answered with {@code "source":"redis"}. */
    long fromRedis() {
        return fromRedis.sum();
    }

    long fromDatabase() {
        return fromDatabase.sum();
    }

    long answered() {
        return fromRedis() + fromDatabase();
    }

    long errors() {
        return errors.sum();
    }

    /** Stops the readers and waits for the reads in flight. */
    @Override
    public void close() {
        stop();
        threads.close();
    }

    private void read(int first, String analyst) {
        int sequence = first;
        while (!stopped) {
            long began = System.nanoTime();
            String body;
            int status;
            try {
                HttpResponse<String> response = shop.raw(QUERIES[sequence++ % QUERIES.length], analyst);
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = -1;
                body = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long took = System.nanoTime() - began;
            if (!measuring || stopped) {
                continue;
            }
            if (status != 200) {
                errors.increment();
            } else {
                latencies.record(took);
                (body.contains("\"source\":\"redis\"") ? fromRedis : fromDatabase).increment();
            }
        }
    }
}
