package dev.jangteo.benchmarks.http;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * New users with their CLIENT tokens, signed before a scenario's clock starts. Signing costs the runner about
 * 0.8 ms of CPU per token on our 2-core machines, which the apps would otherwise lose in scenarios that claim with a
 * new user per request (ramp, sustained). Once the pool is empty, users are signed on the spot and counted.
 */
public final class ClientPool {

    /** A user id and its bearer token. */
    public record Client(String userId, String token) {
    }

    private final ConcurrentLinkedQueue<Client> ready = new ConcurrentLinkedQueue<>();
    private final LongAdder signedLate = new LongAdder();

    private ClientPool() {
    }

    /** Signs {@code size} users on every core and returns once all are ready. */
    public static ClientPool prepare(int size) {
        ClientPool pool = new ClientPool();
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService signers = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int share = size / threads + (t < size % threads ? 1 : 0);
                signers.execute(() -> {
                    for (int i = 0; i < share; i++) {
                        pool.ready.add(newClient());
                    }
                });
            }
        }
        return pool;
    }

    /** How many users a closed loop may need: {@code perSecond} for {@code length}. */
    public static int sizeFor(Duration length, int perSecond) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, length.toSeconds()) * perSecond);
    }

    public Client next() {
        Client client = ready.poll();
        if (client == null) {
            signedLate.increment();
            return newClient();
        }
        return client;
    }

    /** Users that had to be signed during the measured load because the pool ran dry. */
    public long signedLate() {
        return signedLate.sum();
    }

    private static Client newClient() {
        String userId = UUID.randomUUID().toString();
        return new Client(userId, BenchTokens.client(userId));
    }
}
