package dev.jangteo.benchmarks.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.testkit.RedisKeys;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The seal and verify benchmark on a database of its own: fill the event table, read it raw through JDBC (the
 * ceiling: what any verifier must at least pay), start the packaged query side on it and time its sealer from its
 * first answer until the seal reaches the head, then time {@code GET /api/audit/verify} over the whole range. Drops
 * the database and the query side's indices afterwards.
 */
public final class VerifyBench {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(15);
    private static final String SCHEMA_SQL = "command-side/src/main/resources/db/migration/command_side/"
            + "V1__event_store.sql";

    /** Where PostgreSQL and the query-side jar are, and how many events. */
    public record Settings(String pgHost, int pgPort, String pgUser, String pgPassword, long events,
                           Path querySideJar, String elasticsearchUrl, String redisHost, int redisPort) {
    }

    public record Outcome(long events, double loadPerSecond, double ceilingPerSecond, double sealPerSecond,
                          List<Double> verifyPerSecond, boolean verified, Map<String, Object> figures) {
    }

    private final Settings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public VerifyBench(Settings settings) {
        this.settings = settings;
    }

    public String describe() {
        return settings.events() + " events into a fresh database, raw JDBC read (ceiling), the query side's "
                + "sealer to the head, then GET /api/audit/verify over all of it (twice)";
    }

    public Outcome run(Consumer<String> detail) {
        if (!Files.isRegularFile(settings.querySideJar())) {
            throw new BenchException("no query-side jar at " + settings.querySideJar()
                                             + " (mvn -pl query-side -am package, run from the repository root)");
        }
        String database = "jangteo_bench_verify_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + database + " OWNER " + settings.pgUser());
        Process querySide = null;
        try {
            long events = settings.events();
            long loadStart = System.nanoTime();
            try (Connection connection = connect(database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA command_side; SET search_path TO command_side");
                    statement.execute(Files.readString(Path.of(SCHEMA_SQL)));
                }
                new RefusalLoader().load(connection, events);
            }
            double loadRate = Fmt.perSecond(events, System.nanoTime() - loadStart);
            detail.accept("loaded " + events + " events at " + Fmt.rate(loadRate) + "/s");

            double ceiling = rawReadRate(database, events);
            detail.accept("ceiling: raw JDBC read of the event table at " + Fmt.rate(ceiling) + " events/s");

            int port = freePort();
            Path log = Files.createTempFile(database + "-query-side", ".log");
            querySide = startQuerySide(database, port, log);
            URI base = URI.create("http://127.0.0.1:" + port);
            detail.accept("query side on " + base + ", log " + log);
            double sealRate = awaitSealed(base, events, querySide, log);
            detail.accept("sealed at " + Fmt.rate(sealRate) + " events/s");

            List<Double> verifyRates = new ArrayList<>();
            boolean verified = true;
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                JsonNode verification = get(base.resolve("/api/audit/verify"), VERIFY_TIMEOUT);
                double rate = Fmt.perSecond(verification.path("checked").asLong(), System.nanoTime() - start);
                verified &= verification.path("verified").asBoolean() && verification.path("checked").asLong()
                        == events;
                verifyRates.add(rate);
                detail.accept("verify run " + run + ": " + verification + " at " + Fmt.rate(rate) + " events/s");
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events", events);
            figures.put("loadPerSecond", Fmt.round(loadRate));
            figures.put("rawReadPerSecond", Fmt.round(ceiling));
            figures.put("sealPerSecond", Fmt.round(sealRate));
            figures.put("verifyPerSecond", verifyRates.stream().map(Fmt::round).toList());
            figures.put("verified", verified);
            return new Outcome(events, loadRate, ceiling, sealRate, verifyRates, verified, figures);
        } catch (IOException | SQLException e) {
            throw new BenchException("verify benchmark failed: " + e.getMessage(), e);
        } finally {
            if (querySide != null) {
                stop(querySide);
            }
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            deleteIndices(database + "-");
            try {
                RedisKeys.deleteByPrefix(settings.redisHost(), settings.redisPort(), database + ":");
            } catch (IOException e) {
                // best effort, as the indices: leftovers carry a unique prefix
            }
        }
    }

    /** Every column of every row through a cursor, nothing computed: the read any verifier pays. */
    private double rawReadRate(String database, long events) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        try (Connection connection = connect(database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM command_side.domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(5_000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        row.getBytes("payload");
                        row.getBytes("meta_data");
                        rows++;
                    }
                }
            }
        }
        if (rows != events) {
            throw new BenchException("read " + rows + " rows, expected " + events);
        }
        return Fmt.perSecond(rows, System.nanoTime() - start);
    }

    private Process startQuerySide(String database, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java, "-Xmx1g", "-XX:+UseParallelGC", "-jar", settings.querySideJar().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/"
                        + database,
                "--spring.datasource.username=" + settings.pgUser(),
                "--spring.datasource.password=" + settings.pgPassword(),
                "--jangteo.search.url=" + settings.elasticsearchUrl(),
                "--jangteo.search.index-prefix=" + database + "-",
                "--spring.data.redis.host=" + settings.redisHost(),
                "--spring.data.redis.port=" + settings.redisPort(),
                "--jangteo.redis.key-prefix=" + database + ":"));
        command.addAll(BenchTokens.trustArguments());
        return new ProcessBuilder(command).redirectErrorStream(true)
                                          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                          .start();
    }

    /**
     * Events per second from the sealer's first visible progress to the head: the first answer of
     * {@code /api/audit/seal} is the start (the position it shows is subtracted), so application start-up is left out.
     */
    private double awaitSealed(URI base, long events, Process querySide, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180 + events / 1_000).toNanos();
        long startNanos = 0;
        long startPosition = 0;
        while (System.nanoTime() < deadline) {
            if (!querySide.isAlive()) {
                throw new BenchException("the query side exited; see " + log);
            }
            JsonNode seal = tryGet(base.resolve("/api/audit/seal"));
            if (seal != null) {
                long sealed = seal.path("sealedPosition").asLong();
                if (startNanos == 0) {
                    startNanos = System.nanoTime();
                    startPosition = sealed;
                } else if (sealed >= events) {
                    return Fmt.perSecond(events - startPosition, System.nanoTime() - startNanos);
                }
            }
            pause();
        }
        throw new BenchException("the seal did not reach the head in time; see " + log);
    }

    private JsonNode tryGet(URI uri) {
        try {
            return get(uri, Duration.ofSeconds(10));
        } catch (BenchException e) {
            return null;
        }
    }

    private JsonNode get(URI uri, Duration timeout) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                                                                 .header("Authorization",
                                                                         BenchTokens.bearer(BenchTokens.auditor()))
                                                                 .GET().build(),
                                                      HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new BenchException(uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    private void deleteIndices(String prefix) {
        try {
            JsonNode indices = get(URI.create(settings.elasticsearchUrl() + "/_cat/indices/" + prefix
                                                      + "*?format=json&h=index"), Duration.ofSeconds(10));
            for (JsonNode index : indices) {
                http.send(HttpRequest.newBuilder(URI.create(settings.elasticsearchUrl() + "/"
                                                                    + index.path("index").asText()))
                                     .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the indices carry this run's unique prefix
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/"
                                                   + database, settings.pgUser(), settings.pgPassword());
    }

    private void admin(String sql) {
        try (Connection connection = connect("postgres")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new BenchException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }
}
