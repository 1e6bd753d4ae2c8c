package dev.jangteo.benchmarks.search;

import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Latencies;

import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The steps of the search benchmark; see {@code SearchScenario}. */
public final class SearchBench {

    private static final String PROCESSOR = "message-search";
    private static final Duration POLL = Duration.ofMillis(200);

    /** What to run against and how much. */
    public record Settings(String queryUrl, String elasticsearchUrl, String indexPrefix, String jdbcUrl,
                           String pgUser, String pgPassword, long messages, int rooms, Duration window,
                           List<Integer> clientCounts, Duration requestTimeout) {
    }

    public record Outcome(long messages, double loadPerSecond, double liveDocsPerSecond, long expectedDocs,
                          long replayDocs, double replayDocsPerSecond, double ceilingDocsPerSecond,
                          Map<Integer, Latencies> latencies, long errors, Map<String, Object> figures) {

        public boolean indexMatches() {
            return replayDocs == expectedDocs;
        }
    }

    private final Settings settings;

    public SearchBench(Settings settings) {
        this.settings = settings;
    }

    public String describe() {
        return settings.messages() + " messages in " + settings.rooms() + " rooms straight into the event store, "
                + "replay of " + PROCESSOR + ", then searches by " + settings.clientCounts() + " clients for "
                + settings.window().toSeconds() + "s each";
    }

    public Outcome run(Consumer<String> detail) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String reader = "bench-reader-" + runId;
        Duration catchUpLimit = Duration.ofSeconds(120 + settings.messages() / 500);
        try (SearchApi api = new SearchApi(settings.queryUrl(), settings.elasticsearchUrl(), settings.indexPrefix(),
                                           settings.requestTimeout())) {
            long indexedBefore = Math.max(0, api.writeIndexCount());
            long loadStart = System.nanoTime();
            try {
                new EventLoader(settings.jdbcUrl(), settings.pgUser(), settings.pgPassword())
                        .load(runId, settings.rooms(), settings.messages(), reader);
            } catch (SQLException e) {
                throw new BenchException("loading events failed: " + e.getMessage(), e);
            }
            long loadNanos = System.nanoTime() - loadStart;
            double loadPerSecond = Fmt.perSecond(settings.messages(), loadNanos);
            detail.accept("loaded " + settings.messages() + " messages in " + Fmt.seconds(loadNanos) + " ("
                                  + Fmt.rate(loadPerSecond) + "/s)");

            long liveStart = System.nanoTime();
            await(() -> api.writeIndexCount() >= indexedBefore + settings.messages() && api.caughtUp(PROCESSOR)
                          && api.caughtUp("chat"), catchUpLimit, "live indexing");
            long liveNanos = System.nanoTime() - liveStart;
            double liveRate = Fmt.perSecond(settings.messages(), liveNanos);
            long expected = api.writeIndexCount();
            detail.accept("live projections (chat and " + PROCESSOR + " together) caught up in "
                                  + Fmt.seconds(liveNanos) + " (" + Fmt.rate(liveRate) + " messages/s); index holds "
                                  + expected);

            List<String> before = api.liveIndices();
            long replayStart = System.nanoTime();
            api.replay(PROCESSOR);
            await(() -> !api.liveIndices().equals(before) && api.caughtUp(PROCESSOR), catchUpLimit, "replay");
            long replayNanos = System.nanoTime() - replayStart;
            long replayed = api.count(api.liveIndices().getFirst());
            double replayRate = Fmt.perSecond(replayed, replayNanos);
            detail.accept("replay indexed " + replayed + " documents in " + Fmt.seconds(replayNanos) + " ("
                                  + Fmt.rate(replayRate) + " docs/s) and switched the alias");

            double ceiling = new BulkCeiling(settings.elasticsearchUrl(), settings.indexPrefix())
                    .docsPerSecond(Math.min(settings.messages(), 50_000));
            detail.accept("ceiling: bulk-indexing the same kind of documents straight into Elasticsearch: "
                                  + Fmt.rate(ceiling) + " docs/s (ratio " + Fmt.ratio(replayRate / ceiling) + ")");

            Map<Integer, Latencies> latencies = new LinkedHashMap<>();
            LongAdder errors = new LongAdder();
            for (int clients : settings.clientCounts()) {
                Latencies measured = searchLoad(api, reader, clients, errors);
                latencies.put(clients, measured);
                detail.accept(clients + " clients: " + measured.count() + " searches, " + measured.describe()
                                      + " p95=" + Fmt.millis(measured.percentileMillis(95)));
            }

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("messages", settings.messages());
            figures.put("rooms", settings.rooms());
            figures.put("loadMessagesPerSecond", Fmt.round(loadPerSecond));
            figures.put("liveCatchUpMessagesPerSecond", Fmt.round(liveRate));
            figures.put("replayDocs", replayed);
            figures.put("replaySeconds", Fmt.round(replayNanos / 1e9));
            figures.put("replayDocsPerSecond", Fmt.round(replayRate));
            figures.put("ceilingBulkDocsPerSecond", Fmt.round(ceiling));
            figures.put("replayToCeilingRatio", Fmt.round(replayRate / ceiling));
            figures.put("searchErrors", errors.sum());
            return new Outcome(settings.messages(), loadPerSecond, liveRate, expected, replayed, replayRate, ceiling,
                               latencies, errors.sum(), figures);
        }
    }

    /** Closed loop: {@code clients} virtual threads searching back to back; 3 s warm-up, then the window. */
    private Latencies searchLoad(SearchApi api, String reader, int clients, LongAdder errors) {
        List<String> queries = Corpus.queries();
        AtomicReference<Latencies> sink = new AtomicReference<>(new Latencies());
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder windowErrors = new LongAdder();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                threads.execute(() -> {
                    while (!stop.get()) {
                        HttpRequest request = api.searchRequest(
                                reader, queries.get(ThreadLocalRandom.current().nextInt(queries.size())));
                        long start = System.nanoTime();
                        int status = api.send(request);
                        long nanos = System.nanoTime() - start;
                        Latencies current = sink.get();
                        current.record(nanos);
                        if (status != 200) {
                            windowErrors.increment();
                        }
                    }
                });
            }
            pause(Duration.ofSeconds(3));
            Latencies measured = new Latencies();
            windowErrors.reset();
            sink.set(measured);
            pause(settings.window());
            sink.set(new Latencies());
            errors.add(windowErrors.sum());
            stop.set(true);
            return measured;
        }
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new BenchException(what + " did not finish within " + limit.toSeconds() + "s");
            }
            pause(POLL);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
