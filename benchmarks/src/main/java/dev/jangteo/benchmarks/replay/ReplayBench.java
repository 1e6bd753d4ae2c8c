package dev.jangteo.benchmarks.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.store.EventCopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Replay rates over a generated history: {@code events} coherent events of every aggregate type ({@link SyntheticHistory})
 * are copied into a scratch event store, a query side of its own builds every read model from them (all groups
 * together, from empty), then each processing group is replayed alone, then all together, then each is verified
 * (rebuilt into a shadow copy and compared). A rate is events of the store per second of wall time: each group reads
 * every event and handles its own.
 */
public final class ReplayBench {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LIMIT = Duration.ofHours(2);

    public record Settings(String adminUrl, String user, String password, String elasticsearchUrl, String redisHost,
                           int redisPort, long events) {
    }

    /** @param rates events/s by what was measured; {@code equal} whether every verified replay found its group equal */
    public record Outcome(long events, Map<String, Double> rates, boolean equal, long deadLetters,
                          Map<String, Object> figures) {
    }

    private final Settings settings;

    public ReplayBench(Settings settings) {
        this.settings = settings;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%,d generated events of every aggregate type in a scratch database; a query "
                + "side of its own replays each group alone, all together, and verifies each", settings.events());
    }

    public Outcome run(Consumer<String> detail) {
        String database = "jangteo_bench_replay_" + UUID.randomUUID().toString().substring(0, 8);
        try (ScratchStack stack = new ScratchStack(settings.adminUrl(), settings.user(), settings.password(),
                                                   database, settings.elasticsearchUrl(), settings.redisHost(),
                                                   settings.redisPort())) {
            stack.create();
            long loadStart = System.nanoTime();
            long events;
            try (Connection connection = stack.connect()) {
                connection.setAutoCommit(false);
                events = SyntheticHistory.generate(new EventCopy(connection), database, settings.events(), Instant.now());
                connection.commit();
            }
            long loadNanos = System.nanoTime() - loadStart;
            detail.accept(String.format(Locale.ROOT, "generated and copied %,d events in %s (%s/s) into %s", events,
                                        Fmt.seconds(loadNanos), Fmt.rate(Fmt.perSecond(events, loadNanos)), database));

            Path log = Files.createDirectories(Path.of("benchmarks", "target")).resolve("replay-query-side.log");
            long startNanos = System.nanoTime();
            String queryUrl = stack.startQuerySide(ScratchStack.queryJar(), log);
            try (OperatorApi api = new OperatorApi(queryUrl)) {
                return measure(api, events, startNanos, detail);
            }
        } catch (SQLException | IOException e) {
            throw new BenchException("replay benchmark failed: " + e.getMessage(), e);
        }
    }

    private Outcome measure(OperatorApi api, long events, long startNanos, Consumer<String> detail) {
        List<String> groups = api.names();
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", events);

        long firstBuild = awaitCaughtUp(api, groups, startNanos);
        rates.put("first build (all, from an empty store, incl. start)", Fmt.perSecond(events, firstBuild));
        detail.accept(line("first build, all groups together from empty, including the app's start", events,
                           firstBuild));
        long deadLetters = api.deadLetters();
        if (deadLetters > 0) {
            detail.accept("WARNING: " + deadLetters + " dead letters: the generated history is not what the "
                                  + "projections expect");
        }

        for (String group : groups) {
            long nanos = replay(api, List.of(group));
            rates.put(group, Fmt.perSecond(events, nanos));
            detail.accept(line("replay " + group + " alone", events, nanos));
        }
        long all = replay(api, groups);
        rates.put("all together", Fmt.perSecond(events, all));
        detail.accept(line("replay all " + groups.size() + " groups together", events, all)
                              + String.format(Locale.ROOT, ", %s group-events/s",
                                              Fmt.rate(Fmt.perSecond(events * groups.size(), all))));

        boolean equal = true;
        for (String group : groups) {
            long verifyStart = System.nanoTime();
            JsonNode verification = api.verify(group);
            long nanos = System.nanoTime() - verifyStart;
            equal &= verification.path("equal").asBoolean();
            rates.put("verify " + group, Fmt.perSecond(events, nanos));
            detail.accept(line("verify " + group, events, nanos) + ": equal=" + verification.path("equal").asBoolean()
                                  + " rows=" + verification.path("rows").asLong()
                                  + (verification.path("equal").asBoolean() ? ""
                                             : " differences=" + verification.path("differences")));
        }
        rates.forEach((what, rate) -> figures.put(what, Fmt.round(rate)));
        figures.put("deadLetters", deadLetters);
        figures.put("verifiedEqual", equal);
        return new Outcome(events, rates, equal, deadLetters, figures);
    }

    /** Replays the groups at once; answers the nanoseconds until all have caught up again. */
    private static long replay(OperatorApi api, Collection<String> groups) {
        long start = System.nanoTime();
        groups.forEach(api::replay);
        return awaitCaughtUp(api, groups, start);
    }

    private static long awaitCaughtUp(OperatorApi api, Collection<String> groups, long start) {
        await(() -> api.caughtUp(groups), "catching up of " + groups);
        return System.nanoTime() - start;
    }

    private static String line(String what, long events, long nanos) {
        return String.format(Locale.ROOT, "%s: %s, %s events/s", what, Fmt.seconds(nanos),
                             Fmt.rate(Fmt.perSecond(events, nanos)));
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new BenchException(what + " did not finish within " + LIMIT);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted", e);
            }
        }
    }
}
