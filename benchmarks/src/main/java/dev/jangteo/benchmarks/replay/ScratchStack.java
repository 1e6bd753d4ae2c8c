package dev.jangteo.benchmarks.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.http.BenchTokens;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A database of its own holding only an event store (the command side's own migration, so the same table, sequence
 * and trigger), and a query side of its own reading it, started from its packaged jar on a free port. No command
 * side runs: its sagas would otherwise react to the generated orders. Closing stops the query side, drops the
 * database and deletes the indices and Redis keys under its prefix.
 */
final class ScratchStack implements AutoCloseable {

    private static final Path EVENT_STORE_MIGRATION =
            Path.of("command-side/src/main/resources/db/migration/command_side/V1__event_store.sql");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String database;
    private final String indexPrefix;
    private final String elasticsearchUrl;
    private final String redisHost;
    private final int redisPort;
    private Process querySide;
    private String queryUrl;

    ScratchStack(String adminUrl, String user, String password, String database, String elasticsearchUrl,
                 String redisHost, int redisPort) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.database = database;
        this.indexPrefix = database.replace('_', '-') + "-";
        this.elasticsearchUrl = elasticsearchUrl;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
    }

    /** Creates the database with an empty event store. */
    void create() throws SQLException, IOException {
        admin("CREATE DATABASE " + database + " OWNER " + user);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA command_side");
            statement.execute("SET search_path TO command_side");
            statement.execute(Files.readString(EVENT_STORE_MIGRATION));
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** Starts the query side and waits until it is ready; answers its base URL. */
    String startQuerySide(Path jar, Path log) throws IOException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        querySide = new ProcessBuilder(Stream.concat(Stream.of(
                java, "-Xmx1g", "-XX:+UseParallelGC", "-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + url(), "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--jangteo.search.url=" + elasticsearchUrl,
                "--jangteo.search.index-prefix=" + indexPrefix, "--spring.data.redis.host=" + redisHost,
                "--spring.data.redis.port=" + redisPort, "--jangteo.redis.key-prefix=" + indexPrefix),
                BenchTokens.trustArguments().stream()).toList())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        queryUrl = "http://127.0.0.1:" + port;
        awaitReady(log);
        return queryUrl;
    }

    /** The packaged query side: {@code query-side/target/query-side-*.jar}, as {@code ./dev run} builds it. */
    static Path queryJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("query-side/target"))) {
            return files.filter(file -> file.getFileName().toString().matches("query-side-.*\\.jar"))
                        .findFirst()
                        .orElseThrow(() -> new BenchException("no query-side/target/query-side-*.jar: run "
                                                                      + "./dev run or mvn package first"));
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!querySide.isAlive()) {
                    throw new BenchException("the scratch query side exited; see " + log);
                }
                try {
                    HttpResponse<Void> response = client.send(
                            HttpRequest.newBuilder(URI.create(queryUrl + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
        throw new BenchException("the scratch query side was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    @Override
    public void close() {
        if (querySide != null) {
            querySide.destroy();
            try {
                querySide.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new BenchException("could not drop " + database + ": " + e.getMessage(), e);
        }
        deleteIndices();
        try {
            RedisKeys.deleteByPrefix(redisHost, redisPort, indexPrefix);
        } catch (IOException e) {
            // best effort, as the indices: leftovers carry a unique prefix
        }
    }

    /** One by one: Elasticsearch refuses to delete by wildcard ({@code action.destructive_requires_name}). */
    private void deleteIndices() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String listing = client.send(HttpRequest.newBuilder(URI.create(
                    elasticsearchUrl + "/_cat/indices/" + indexPrefix + "*?format=json&h=index")).build(),
                                         HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode index : new ObjectMapper().readTree(listing)) {
                client.send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + index.path("index").asText()))
                                       .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            // best effort: leftovers carry a unique prefix
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String url() {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
