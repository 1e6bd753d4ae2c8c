package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL ceiling, measured in the same run: pgbench inserting one row per transaction
 * into a table with a unique uuid key, in a throw-away database that is dropped afterwards.
 * Uses the psql and pgbench binaries; logs in as --pg-user, else jangteo/jangteo, else postgres.
 */
public final class PgbenchScenario implements Scenario {

    private static final Duration PSQL_TIMEOUT = Duration.ofSeconds(30);
    private static final String TABLE =
            "CREATE TABLE t(id bigserial PRIMARY KEY, k uuid NOT NULL UNIQUE, payload bytea)";
    private static final String SCRIPT = "INSERT INTO t(k, payload) VALUES (gen_random_uuid(), '\\x00');\n";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern ANY_TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    /** A way to log in: role, password (empty for none), and the database to connect to first. */
    private record Login(String user, Optional<String> password, String database) {

        Map<String, String> environment() {
            Map<String, String> env = new HashMap<>();
            env.put("PGCONNECT_TIMEOUT", "5");
            password.ifPresent(secret -> env.put("PGPASSWORD", secret));
            return env;
        }
    }

    private record Run(int clients, double tps, double latencyMs, long transactions, long failed) {

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("clients", clients);
            figures.put("tps", Fmt.round(tps));
            figures.put("latencyAverageMs", Fmt.round(latencyMs));
            figures.put("transactions", transactions);
            figures.put("failedTransactions", failed);
            return figures;
        }
    }

    private final Report report;
    private final String host;
    private final int port;
    private final List<Login> logins;
    private final List<Integer> clientCounts;
    private final Duration length;

    public PgbenchScenario(Report report, String host, int port, Optional<String> user, Optional<String> password,
                           List<Integer> clientCounts, Duration length) {
        this.report = report;
        this.host = host;
        this.port = port;
        this.clientCounts = clientCounts;
        this.length = length;
        this.logins = user
                .map(role -> List.of(new Login(role,
                        password.or(() -> Optional.ofNullable(System.getenv("PGPASSWORD"))), role)))
                .orElse(List.of(new Login("jangteo", Optional.of("jangteo"), "jangteo"),
                        new Login("postgres", Optional.empty(), "postgres")));
    }

    @Override
    public String name() {
        return "pgbench";
    }

    @Override
    public String description() {
        return "pgbench: one-row INSERT with a unique uuid, clients " + clientCounts + ", "
                + length.toSeconds() + "s each, in a throw-away database";
    }

    @Override
    public ScenarioResult run() {
        for (String tool : List.of("psql", "pgbench")) {
            if (!Processes.onPath(tool)) {
                return ScenarioResult.skipped(name(), tool + " not found on PATH");
            }
        }
        Optional<Login> found = logins.stream().filter(this::canCreateDatabases).findFirst();
        if (found.isEmpty()) {
            return ScenarioResult.error(name(), "no role with CREATEDB reachable at " + host + ":" + port
                    + " (tried " + logins.stream().map(Login::user).toList() + ")");
        }
        Login login = found.get();
        String database = "jangteo_bench_" + UUID.randomUUID().toString().substring(0, 8);
        Processes.Outcome created = psql(login, login.database(), "CREATE DATABASE " + database);
        if (!created.succeeded()) {
            return ScenarioResult.error(name(), "CREATE DATABASE failed: " + created.output().strip());
        }
        Path script = null;
        try {
            Processes.Outcome table = psql(login, database, TABLE);
            if (!table.succeeded()) {
                return ScenarioResult.error(name(), "CREATE TABLE failed: " + table.output().strip());
            }
            script = Files.createTempFile("jangteo-pgbench-", ".sql");
            Files.writeString(script, SCRIPT);
            List<Run> runs = new ArrayList<>();
            for (int clients : clientCounts) {
                Run run = pgbench(login, database, script, clients);
                report.detail(String.format(Locale.ROOT, "clients=%d tps=%s latency avg=%s transactions=%d failed=%d",
                        clients, Fmt.rate(run.tps()), Fmt.millis(run.latencyMs()), run.transactions(), run.failed()));
                runs.add(run);
            }
            return result(login, runs);
        } catch (IOException e) {
            return ScenarioResult.error(name(), "cannot write the pgbench script: " + e.getMessage());
        } catch (PgbenchFailed e) {
            return ScenarioResult.error(name(), e.getMessage());
        } finally {
            deleteQuietly(script);
            Processes.Outcome dropped = psql(login, login.database(),
                    "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            if (!dropped.succeeded()) {
                report.detail("could not drop " + database + ": " + dropped.output().strip());
            }
        }
    }

    private ScenarioResult result(Login login, List<Run> runs) {
        Run headline = runs.stream().filter(run -> run.clients() == 1).findFirst().orElse(runs.getFirst());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tps", Fmt.round(headline.tps()));
        figures.put("tpsClients", headline.clients());
        figures.put("seconds", length.toSeconds());
        figures.put("role", login.user());
        figures.put("runs", runs.stream().map(Run::figures).toList());
        runs.forEach(run -> figures.put("tps" + run.clients() + "Clients", Fmt.round(run.tps())));
        StringBuilder summary = new StringBuilder();
        for (Run run : runs) {
            summary.append("tps(").append(run.clients()).append(run.clients() == 1 ? " client" : " clients")
                    .append(")=").append(Fmt.rate(run.tps()))
                    .append(" latency avg=").append(Fmt.millis(run.latencyMs())).append(' ');
        }
        summary.append("one-row INSERT, unique uuid, ").append(length.toSeconds()).append("s, role ")
                .append(login.user());
        return ScenarioResult.info(name(), summary.toString(), figures);
    }

    private boolean canCreateDatabases(Login login) {
        Processes.Outcome outcome = psql(login, login.database(),
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user");
        return outcome.succeeded() && outcome.output().strip().equals("t");
    }

    private Run pgbench(Login login, String database, Path script, int clients) {
        int threads = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        List<String> command = List.of("pgbench", "-h", host, "-p", Integer.toString(port), "-U", login.user(),
                "-n", "-c", Integer.toString(clients), "-j", Integer.toString(threads),
                "-T", Long.toString(length.toSeconds()), "-f", script.toString(), database);
        Processes.Outcome outcome = Processes.run(command, login.environment(), length.plusSeconds(60));
        if (!outcome.succeeded()) {
            throw new PgbenchFailed("pgbench -c " + clients + " failed: " + lastLines(outcome.output()));
        }
        String output = outcome.output();
        double tps = find(TPS, output).or(() -> find(ANY_TPS, output)).map(Double::parseDouble)
                .orElseThrow(() -> new PgbenchFailed("no tps in pgbench output: " + lastLines(output)));
        return new Run(clients, tps,
                find(LATENCY, output).map(Double::parseDouble).orElse(Double.NaN),
                find(PROCESSED, output).map(Long::parseLong).orElse(-1L),
                find(FAILED, output).map(Long::parseLong).orElse(0L));
    }

    private Processes.Outcome psql(Login login, String database, String sql) {
        List<String> command = List.of("psql", "-h", host, "-p", Integer.toString(port), "-U", login.user(),
                "-d", database, "-w", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql);
        return Processes.run(command, login.environment(), PSQL_TIMEOUT);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String lastLines(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }

    private static final class PgbenchFailed extends RuntimeException {
        PgbenchFailed(String message) {
            super(message);
        }
    }
}
