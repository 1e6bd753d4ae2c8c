package dev.jangteo.system;

import dev.jangteo.testkit.JsonHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real system for one test class: a database of its own on the local PostgreSQL, and the packaged command-side
 * and query-side jars running as separate processes on free ports, exactly as {@code ./dev run} starts them, one or
 * more of each on the same database (from a startup cache of their classes, {@link StartupCache}). Logs go
 * to {@code system-tests/target/apps/}. Closing stops the apps and drops the database, so runs never collide and
 * re-runs need no cleanup.
 * <p>
 * System property {@code jangteo.it.app-args}: extra Spring Boot arguments, separated by spaces, given to every app
 * of both kinds before a test's own, e.g. {@code -Djangteo.it.app-args=--spring.profiles.include=remote-like} to run
 * a test with an event store and a command bus that behave as Axon Server's ({@code application-remote-like.yml}).
 */
final class Stack implements AutoCloseable {

    private static final String ADMIN_URL = System.getProperty("jangteo.it.admin-url",
                                                               "jdbc:postgresql://127.0.0.1:5432/jangteo");
    private static final String USER = System.getProperty("jangteo.it.user", "jangteo");
    private static final String PASSWORD = System.getProperty("jangteo.it.password", "jangteo");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final String ELASTICSEARCH_URL = System.getProperty("jangteo.it.elasticsearch-url",
                                                                       "http://127.0.0.1:9200");
    /**
     * Extra Spring Boot arguments of every app, space-separated: how system-tests/pom.xml runs a part of the tests
     * again with the apps under the {@code remote-like} profile, and all of them under {@code axonserver} (-Paxonserver).
     * A test's own arguments come after them; {@code --spring.profiles.include} given twice includes both.
     */
    private static final List<String> APP_ARGS =
            List.of(System.getProperty("jangteo.it.app-args", "").trim().split("\\s+")).stream()
                .filter(argument -> !argument.isEmpty()).toList();
    /**
     * Axon Server's HTTP address when the apps run under the {@code axonserver} profile: each stack then starts on an
     * empty event store, as on an empty database of its own, by the purge of Axon Server's development mode.
     */
    private static final String AXONSERVER_HTTP = System.getProperty("jangteo.it.axonserver-http", "");

    /**
     * Whether the apps keep their events in the PostgreSQL event table ({@code command_side.domain_event_entry}), as
     * by default; not under the {@code remote-like} and {@code axonserver} runs.
     */
    static boolean eventTableIsTheStore() {
        return APP_ARGS.stream().noneMatch(argument -> argument.contains("remote-like")
                || argument.contains("axonserver"));
    }

    /**
     * Whether the apps keep their events in a PostgreSQL table a test can read and tamper with: the event table by
     * default, {@code remote_store}'s under {@code remote-like} ({@link #eventSchema()}); not under {@code axonserver}.
     */
    static boolean eventsAreInPostgres() {
        return APP_ARGS.stream().noneMatch(argument -> argument.contains("axonserver"));
    }

    /** The position of a store's first event: 1 in the JDBC event table, 0 in the others (and in Axon Server). */
    static long firstPosition() {
        return eventTableIsTheStore() ? 1 : 0;
    }

    /** The schema of the tables that hold the events and snapshots when {@link #eventsAreInPostgres()}. */
    static String eventSchema() {
        return eventTableIsTheStore() ? "command_side" : "remote_store";
    }

    /**
     * Whether all commands of one aggregate go to one command side, as Axon Server routes them (the {@code axonserver}
     * profile). Elsewhere, {@code remote-like} included, each instance handles on its own bus the commands sent to it,
     * so two instances can race on one aggregate.
     */
    static boolean commandsAreRouted() {
        return APP_ARGS.stream().anyMatch(argument -> argument.contains("axonserver"));
    }

    /** Axon Server's gRPC address as the apps get it ({@code AXON_AXONSERVER_SERVERS}), for a proxy in front of it. */
    static String axonServerAddress() {
        String servers = System.getenv().getOrDefault("AXON_AXONSERVER_SERVERS", "localhost:8124");
        return servers.split(",")[0].trim();
    }

    private final String database;
    private final String appDatabaseUrl;
    private final List<String> commandArgs;
    private final List<String> queryArgs;
    private final List<App> commandSides = new ArrayList<>();
    private final List<App> querySides = new ArrayList<>();

    private Stack(String database, String appDatabaseUrl, List<String> commandArgs, String searchUrl,
                  int redisPort, List<String> extraQueryArgs) {
        this.database = database;
        this.appDatabaseUrl = appDatabaseUrl;
        this.commandArgs = commandArgs;
        List<String> queryArguments = new ArrayList<>(List.of(
                "--jangteo.search.url=" + searchUrl,
                "--jangteo.search.index-prefix=" + indexPrefix(database),
                "--jangteo.redis.key-prefix=" + redisKeyPrefix(database),
                "--spring.data.redis.port=" + redisPort));
        queryArguments.addAll(extraQueryArgs);
        this.queryArgs = List.copyOf(queryArguments);
    }

    /**
     * Starts {@code commandInstances} command sides on one event store, then the query side. {@code commandArgs}
     * are extra Spring Boot arguments of the command sides ({@code --jangteo.coupons.snapshot-threshold=5}).
     */
    static Stack start(String testName, int commandInstances, String... commandArgs) {
        return start(testName, commandInstances, null, commandArgs);
    }

    /** As {@link #start(String, int, String...)}, with the apps reaching PostgreSQL through {@code proxy}. */
    static Stack start(String testName, int commandInstances, TcpProxy proxy, String... commandArgs) {
        return start(testName, commandInstances, proxy, null, commandArgs);
    }

    /**
     * As {@link #start(String, int, TcpProxy, String...)}, with the query side reaching Elasticsearch through
     * {@code searchProxy} when not null. Each stack's indices carry its database name as prefix.
     */
    static Stack start(String testName, int commandInstances, TcpProxy proxy, TcpProxy searchProxy,
                       String... commandArgs) {
        return start(testName, commandInstances, proxy, searchProxy, null, commandArgs);
    }

    /** As above, with the query side reaching Redis through {@code redisProxy} when not null. */
    static Stack start(String testName, int commandInstances, TcpProxy proxy, TcpProxy searchProxy,
                       TcpProxy redisProxy, String... commandArgs) {
        return start(testName, commandInstances, 1, proxy, searchProxy, redisProxy, commandArgs);
    }

    /** As above, with {@code queryInstances} query sides sharing the read models, started one after the other. */
    static Stack start(String testName, int commandInstances, int queryInstances, TcpProxy proxy,
                       TcpProxy searchProxy, TcpProxy redisProxy, String... commandArgs) {
        return start(testName, commandInstances, queryInstances, proxy, searchProxy, redisProxy, List.of(),
                     commandArgs);
    }

    /** As above, with {@code queryArgs} as extra Spring Boot arguments of the query sides. */
    static Stack start(String testName, int commandInstances, int queryInstances, TcpProxy proxy,
                       TcpProxy searchProxy, TcpProxy redisProxy, List<String> queryArgs, String... commandArgs) {
        String database = newDatabaseName(testName);
        admin("CREATE DATABASE " + database + " OWNER " + USER);
        purgeAxonServer();
        String appUrl = proxy == null ? urlOf(database)
                                      : "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database;
        String searchUrl = searchProxy == null ? ELASTICSEARCH_URL : "http://127.0.0.1:" + searchProxy.port();
        Stack stack = new Stack(database, appUrl, List.of(commandArgs), searchUrl,
                                redisProxy == null ? Redis.PORT : redisProxy.port(), queryArgs);
        return stack.launchAll(commandInstances, queryInstances);
    }

    /**
     * One command side and one query side on {@code database}, which exists already and is left to the apps'
     * migrations as it is (a restore made it); its search indices and Redis keys are its own, by its name. Closing
     * drops it like any stack's database.
     */
    static Stack onExistingDatabase(String database, String... commandArgs) {
        return new Stack(database, urlOf(database), List.of(commandArgs), ELASTICSEARCH_URL, Redis.PORT, List.of())
                .launchAll(1, 1);
    }

    /** A name no database has yet, for a stack of the test {@code testName}. */
    static String newDatabaseName(String testName) {
        return ("jangteo_it_" + testName + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    /** Drops {@code database} (a test's scratch database) if it exists, whoever is still connected. */
    static void dropDatabase(String database) {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private Stack launchAll(int commandInstances, int queryInstances) {
        try {
            for (int i = 0; i < commandInstances; i++) {
                commandSides.add(launch("command-side", "command-side.jar", i, commandArgs));
            }
            for (int i = 0; i < queryInstances; i++) {
                startQuerySide(i);
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    URI command() {
        return command(0);
    }

    URI command(int instance) {
        return commandSides.get(instance).base();
    }

    List<URI> commands() {
        return commandSides.stream().map(App::base).toList();
    }

    URI query() {
        return query(0);
    }

    URI query(int instance) {
        return querySides.get(instance).base();
    }

    void stopQuerySide() {
        querySides.get(0).stop();
    }

    void startQuerySide() {
        startQuerySide(0);
    }

    /** A new process as query side {@code instance}: in place of a stopped or killed one, or one more. */
    void startQuerySide(int instance) {
        App app = launch("query-side", "query-side.jar", instance, queryArgs);
        if (instance == querySides.size()) {
            querySides.add(app);
        } else {
            querySides.set(instance, app);
        }
    }

    /** The process id of query side {@code instance}: its token claims name it ({@code <pid>@<host>}). */
    long querySidePid(int instance) {
        return querySides.get(instance).process().pid();
    }

    /** What command side {@code instance} has logged so far. */
    String commandSideLog(int instance) {
        try {
            return Files.readString(commandSides.get(instance).log());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A new process in place of command side {@code instance}: nothing cached, everything loaded from the store. */
    void restartCommandSide(int instance) {
        commandSides.get(instance).stop();
        commandSides.set(instance, launch("command-side", "command-side.jar", instance, commandArgs));
    }

    /** {@code kill -9} of command side {@code instance}: no shutdown hook runs, requests in flight get no answer. */
    void killCommandSide(int instance) {
        commandSides.get(instance).kill();
    }

    /** A new process in place of a killed command side {@code instance}, on a new port. */
    void startCommandSide(int instance) {
        commandSides.set(instance, launch("command-side", "command-side.jar", instance, commandArgs));
    }

    /** {@code kill -9} of the query side, mid-batch or not. */
    void killQuerySide() {
        killQuerySide(0);
    }

    /** {@code kill -9} of query side {@code instance}: its claims stay in the token table until they time out. */
    void killQuerySide(int instance) {
        querySides.get(instance).kill();
    }

    /** A direct connection to this stack's database, never through a proxy. */
    Connection connect() throws SQLException {
        return connect(database);
    }

    /** Whether the apps run against a real Axon Server (the {@code -Paxonserver} run), whose HTTP API tests may use. */
    static boolean onAxonServer() {
        return !AXONSERVER_HTTP.isBlank();
    }

    /**
     * Appends one event straight into Axon Server through its HTTP API, bypassing every aggregate: {@code payload} is
     * the JSON the apps' serializer would have written. Only under the {@code -Paxonserver} run.
     */
    static void appendToAxonServer(String aggregateType, String aggregateId, long sequence, String payloadType,
                                   String payload) {
        try {
            String body = JsonHttp.JSON.writeValueAsString(Map.of("messages", List.of(Map.of(
                    "messageIdentifier", UUID.randomUUID().toString(),
                    "aggregateIdentifier", aggregateId,
                    "aggregateSequenceNumber", sequence,
                    "aggregateType", aggregateType,
                    "payload", Map.of("type", payloadType, "revision", "", "data", payload),
                    "timestamp", System.currentTimeMillis()))));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(AXONSERVER_HTTP + "/v1/events"))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Axon Server refused the event (" + response.statusCode() + "): "
                                                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Axon Server at " + AXONSERVER_HTTP, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many snapshots the store holds of {@code aggregateId}: in the snapshot table of the schema that holds the
     * events, or, under the {@code axonserver} run, in Axon Server (its HTTP API streams them as server-sent events,
     * one {@code data:} line each).
     */
    long snapshotsOf(String aggregateId) throws SQLException {
        if (onAxonServer()) {
            try {
                HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(AXONSERVER_HTTP + "/v1/snapshots?aggregateId="
                                                                  + URLEncoder.encode(
                                aggregateId, StandardCharsets.UTF_8))).GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = response.body()) {
                    return lines.filter(line -> line.startsWith("data:")).count();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot reach Axon Server at " + AXONSERVER_HTTP, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try (Connection connection = connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM " + eventSchema() + ".snapshot_event_entry "
                             + "WHERE aggregate_identifier = ?")) {
            count.setString(1, aggregateId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A direct connection to {@code database} on the stacks' PostgreSQL. */
    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(database), USER, PASSWORD);
    }

    /** Elasticsearch as the tests reach it directly (never through a proxy). */
    static URI elasticsearch() {
        return URI.create(ELASTICSEARCH_URL);
    }

    /** What this stack's index and alias names start with. */
    String indexPrefix() {
        return indexPrefix(database);
    }

    private static String indexPrefix(String database) {
        return database + "-";
    }

    /** What this stack's Redis keys start with (the query side's {@code jangteo.redis.key-prefix}). */
    String redisKeyPrefix() {
        return redisKeyPrefix(database);
    }

    private static String redisKeyPrefix(String database) {
        return database + ":";
    }

    /** The name of this stack's database. */
    String database() {
        return database;
    }

    /** Host and port of the PostgreSQL server the stacks use. */
    static URI postgres() {
        return URI.create(ADMIN_URL.substring("jdbc:".length()));
    }

    private static String urlOf(String database) {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database;
    }

    @Override
    public void close() {
        commandSides.forEach(App::stop);
        querySides.forEach(App::stop);
        dropDatabase(database);
        Search.deleteIndices(indexPrefix(database));
        Redis.deleteKeys(redisKeyPrefix(database));
    }

    private App launch(String name, String jarProperty, int instance, List<String> extraArgs) {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("Missing " + jarProperty + " (" + jar + "): run through mvn verify");
        }
        int port = freePort();
        Path log = Path.of("target", "apps", database + "-" + name + "-" + instance + ".log");
        try {
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> jvmFlags = List.of(
                    name.equals("query-side") ? "-Xmx1g" : "-Xmx512m", "-XX:+UseParallelGC",
                    // Every test client sends from 127.0.0.1: rate limits are off unless a test turns them on
                    // with --jangteo.rate-limits.* arguments (RateLimitIT), which win over this property.
                    "-Djangteo.rate-limits.enabled=false");
            List<String> appArgs = new ArrayList<>(List.of(
                    "--server.port=" + port,
                    "--spring.datasource.url=" + appDatabaseUrl,
                    "--spring.datasource.username=" + USER,
                    "--spring.datasource.password=" + PASSWORD, Prometheus.tokenArgument()));
            // A property given twice would be both values joined by a comma: a test's own issuer replaces these.
            appArgs.addAll(notGivenIn(Tokens.trustArguments(), APP_ARGS, extraArgs));
            appArgs.addAll(APP_ARGS);
            appArgs.addAll(extraArgs);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmFlags);
            command.addAll(StartupCache.runnable(name, Path.of(jar), java, jvmFlags, appArgs));
            command.addAll(appArgs);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            App app = new App(name + "-" + instance, process, URI.create("http://127.0.0.1:" + port), log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name, e);
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + ADMIN_URL
                                                    + " (does ./dev up's role exist?)", e);
        }
    }

    private static void purgeAxonServer() {
        if (AXONSERVER_HTTP.isBlank()) {
            return;
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(AXONSERVER_HTTP + "/v1/devmode/purge-events")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Axon Server at " + AXONSERVER_HTTP + " refused the purge ("
                                                        + response.statusCode() + "): is it in development mode?");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Axon Server at " + AXONSERVER_HTTP, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The arguments of {@code defaults} whose property none of {@code given} sets. */
    @SafeVarargs
    static List<String> notGivenIn(List<String> defaults, List<String>... given) {
        Set<String> set = Arrays.stream(given).flatMap(List::stream).map(Stack::propertyOf)
                                .collect(Collectors.toSet());
        return defaults.stream().filter(argument -> !set.contains(propertyOf(argument))).toList();
    }

    private static String propertyOf(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record App(String name, Process process, URI base, Path log) {

        void awaitReady() {
            HttpClient client = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException ignored) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep();
            }
            process.destroyForcibly();
            throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + "; see " + log);
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void kill() {
            process.destroyForcibly();  // SIGKILL
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
