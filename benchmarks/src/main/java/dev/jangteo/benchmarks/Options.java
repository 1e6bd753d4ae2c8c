package dev.jangteo.benchmarks;

import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.scenario.ShopScenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options: {@code --key=value} pairs (or {@code --help}), each with a default.
 * Every value is validated when parsed, so the typed accessors never fail later.
 */
public final class Options {

    /** One recognised option. */
    private record Spec(String key, String defaultValue, String help) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("command-url", "http://127.0.0.1:8081", "command side base URL"),
            new Spec("query-url", "http://127.0.0.1:8082", "query side base URL"),
            new Spec("jwt-private-key", BenchTokens.DEFAULT_PRIVATE_KEY.toString(),
                    "the dev key that signs the requests' bearer tokens (./dev run and ./dev bench make it)"),
            new Spec("scenario", "all",
                    "all | warmup | race | sequential | ramp | sustained | orders | rankings | pgbench | heap | shop | edge | search | verify | replay (comma-separated list allowed)"),
            new Spec("app-warmup-seconds", "30", "closed-loop load before the measured scenarios, so the apps' JIT is warm"),
            new Spec("race-rounds", "5", "measured race rounds, a new coupon each round"),
            new Spec("race-warmup-rounds", "1", "race rounds run first and left out of the aggregate"),
            new Spec("race-clients", "100", "clients released at once per race round"),
            new Spec("race-quantity", "50", "coupon quantity in the race"),
            new Spec("sequential-requests", "100", "issues sent one after another by a single client"),
            new Spec("edge-clients", "8", "clients reading one product at once in the edge scenario"),
            new Spec("edge-requests", "20000", "measured reads of the edge scenario (as many again warm up)"),
            new Spec("ramp-seconds", "40", "ramp length: 1/4 up to 20 clients, 1/2 up to 50, 1/4 down to 0"),
            new Spec("sustained-seconds", "20", "measured length of the sustained scenario"),
            new Spec("sustained-clients", "64", "clients hammering one hot coupon"),
            new Spec("warmup-seconds", "3", "unmeasured warm-up before the sustained window"),
            new Spec("settle-seconds", "10", "longest wait for the query side to catch up"),
            new Spec("request-timeout-seconds", "10", "per-request timeout (counted as an error)"),
            new Spec("pgbench-seconds", "10", "length of each pgbench run"),
            new Spec("pgbench-clients", "1,16", "pgbench client counts, comma-separated"),
            new Spec("order-clients", "1,16,64", "orders: concurrent clients of each run, comma-separated"),
            new Spec("order-seconds", "20", "orders: measured window of each run"),
            new Spec("order-warmup-seconds", "5", "orders: unmeasured load before each window"),
            new Spec("ranking-clients", "1,50,200", "rankings: concurrent reading clients of each run, comma-separated"),
            new Spec("ranking-order-clients", "64", "rankings: clients ordering without pause meanwhile (0: reads alone)"),
            new Spec("ranking-seconds", "20", "rankings: measured window of each run"),
            new Spec("ranking-warmup-seconds", "5", "rankings: unmeasured reading before each window"),
            new Spec("redis-host", "127.0.0.1",
                     "rankings: Redis, for the redis-benchmark ceiling; verify and replay: their query side's Redis"),
            new Spec("redis-port", "6379", "rankings: Redis port"),
            new Spec("redis-key-prefix", "", "rankings: the query side's jangteo.redis.key-prefix"),
            new Spec("shop-users", "10000", "shop: wallets opened (and funded) before the load"),
            new Spec("shop-products", "1000", "shop: products in the catalog"),
            new Spec("shop-zipf-exponent", "1.0", "shop: exponent s of the products' Zipf popularity (0: uniform)"),
            new Spec("shop-clients", "64", "shop: clients ordering in a closed loop"),
            new Spec("shop-readers", "4", "shop: analysts reading rankings meanwhile"),
            new Spec("shop-seconds", "60", "shop: measured window"),
            new Spec("shop-warmup-seconds", "10", "shop: unmeasured load before the window"),
            new Spec("pg-host", "127.0.0.1", "PostgreSQL host for pgbench"),
            new Spec("pg-port", "5432", "PostgreSQL port for pgbench"),
            new Spec("pg-user", "", "PostgreSQL role (default: try jangteo/jangteo, then postgres)"),
            new Spec("pg-password", "", "password of --pg-user (default: $PGPASSWORD)"),
            new Spec("messages", "1000000", "search: generated messages appended to the event store"),
            new Spec("search-rooms", "4", "search: rooms the generated messages are spread over"),
            new Spec("search-seconds", "20", "search: measured window of each search load"),
            new Spec("search-clients", "1,50", "search: concurrent searching clients, comma-separated"),
            new Spec("pg-database", "jangteo", "search: the database holding the event store"),
            new Spec("es-url", "http://127.0.0.1:9200", "search: Elasticsearch, for counts and the bulk ceiling"),
            new Spec("index-prefix", "", "search: the query side's jangteo.search.index-prefix"),
            new Spec("events", "1000000", "verify and replay: events written into a fresh (verify) or scratch (replay) database"),
            new Spec("query-side-jar", "", "verify: the query side to start on it (default: query-side/target/query-side-*.jar)"),
            new Spec("out-dir", "", "where results-<timestamp>.json goes (default: next to the jar)"));

    private final Map<String, String> values;
    private final boolean help;

    private Options(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    public static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        SPECS.forEach(spec -> values.put(spec.key(), spec.defaultValue()));
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new UsageException("expected --key=value, got '" + arg + "'");
            }
            String key = arg.substring(2, arg.indexOf('='));
            if (!values.containsKey(key)) {
                throw new UsageException("unknown option --" + key);
            }
            values.put(key, arg.substring(arg.indexOf('=') + 1).trim());
        }
        Options options = new Options(Collections.unmodifiableMap(values), help);
        options.validate();
        return options;
    }

    private void validate() {
        scenarios();
        positive("race-rounds");
        nonNegative("race-warmup-rounds");
        positive("race-clients");
        positive("race-quantity");
        positive("sequential-requests");
        positive("edge-clients");
        positive("edge-requests");
        positive("ramp-seconds");
        positive("sustained-seconds");
        positive("sustained-clients");
        nonNegative("warmup-seconds");
        positive("app-warmup-seconds");
        nonNegative("settle-seconds");
        positive("request-timeout-seconds");
        positive("pgbench-seconds");
        positive("order-seconds");
        orderClients();
        rankingClients();
        nonNegative("ranking-order-clients");
        positive("ranking-seconds");
        nonNegative("ranking-warmup-seconds");
        positive("redis-port");
        positive("shop-users");
        positive("shop-products");
        if (!(shopZipfExponent() >= 0) || Double.isInfinite(shopZipfExponent())) {
            throw new UsageException("--shop-zipf-exponent must be a number >= 0");
        }
        positive("shop-clients");
        nonNegative("shop-readers");
        positive("shop-seconds");
        nonNegative("shop-warmup-seconds");
        pgbenchClients();
        searchClients();
        positive("search-rooms");
        positive("search-seconds");
        if (events() < 1) {
            throw new UsageException("--events must be at least 1");
        }
        if (messages() < 1) {
            throw new UsageException("--messages must be at least 1");
        }
        url("es-url");
        positive("pg-port");
        url("command-url");
        url("query-url");
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Jangteo benchmark runner: drives the running apps and prints figures (not tests).

                usage: java -jar benchmarks/target/benchmarks.jar [--key=value ...]

                """);
        for (Spec spec : SPECS) {
            String shown = spec.defaultValue().isEmpty() ? "" : " (default " + spec.defaultValue() + ")";
            text.append(String.format(Locale.ROOT, "  --%-25s %s%s%n", spec.key(), spec.help(), shown));
        }
        text.append("""

                'all' runs pgbench, warmup, race, sequential, ramp, sustained, then reads the apps' heap.
                'shop' (not in 'all') opens --shop-users funded wallets and --shop-products products, then orders
                with --shop-clients while --shop-readers read rankings; pgbench runs first when not asked for too.
                'edge' (not in 'all') reads one product --edge-requests times with --edge-clients and one token, and
                prints the query side's CPU per request: what the HTTP edge costs.
                'search' (not in 'all') loads --messages into the event store, replays the search index and
                measures search latency: --scenario=search --messages=20000 for a quick run.
                'verify' (not in 'all') fills a fresh database with --events, starts --query-side-jar on it and
                measures its sealer and GET /api/audit/verify: --scenario=verify --events=200000 for a quick run.
                'replay' (not in 'all') generates --events into a scratch database with a query side of its own and
                measures replay rates per processing group, all together, and verified replays:
                --scenario=replay --events=200000 for a quicker run.
                Exit status: 0 when every check held, 1 when a check failed or a scenario broke, 2 on bad options.
                """);
        return text.toString();
    }

    public boolean help() {
        return help;
    }

    /** Every option's value (a password masked), for the JSON report. */
    public Map<String, String> asMap() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.computeIfPresent("pg-password", (key, value) -> value.isEmpty() ? value : "***");
        return shown;
    }

    public String commandUrl() {
        return stripSlash(values.get("command-url"));
    }

    public String queryUrl() {
        return stripSlash(values.get("query-url"));
    }

    public Path jwtPrivateKey() {
        return Path.of(values.get("jwt-private-key"));
    }

    /** The scenarios to run, in the order 'all' runs them. */
    public Set<ScenarioName> scenarios() {
        Set<ScenarioName> chosen = EnumSet.noneOf(ScenarioName.class);
        for (String name : values.get("scenario").split(",")) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (trimmed.equals("all")) {
                EnumSet.allOf(ScenarioName.class).stream().filter(ScenarioName::inAll).forEach(chosen::add);
                continue;
            }
            chosen.add(ScenarioName.parse(trimmed)
                    .orElseThrow(() -> new UsageException("unknown scenario '" + trimmed + "'")));
        }
        return chosen;
    }

    public int raceRounds() {
        return integer("race-rounds");
    }

    public int raceWarmupRounds() {
        return integer("race-warmup-rounds");
    }

    public int raceClients() {
        return integer("race-clients");
    }

    public int raceQuantity() {
        return integer("race-quantity");
    }

    public int sequentialRequests() {
        return integer("sequential-requests");
    }

    public int edgeClients() {
        return integer("edge-clients");
    }

    public int edgeRequests() {
        return integer("edge-requests");
    }

    public Duration ramp() {
        return Duration.ofSeconds(integer("ramp-seconds"));
    }

    public Duration sustained() {
        return Duration.ofSeconds(integer("sustained-seconds"));
    }

    public int sustainedClients() {
        return integer("sustained-clients");
    }

    public Duration appWarmup() {
        return Duration.ofSeconds(integer("app-warmup-seconds"));
    }

    public Duration warmup() {
        return Duration.ofSeconds(integer("warmup-seconds"));
    }

    public Duration settle() {
        return Duration.ofSeconds(integer("settle-seconds"));
    }

    public Duration requestTimeout() {
        return Duration.ofSeconds(integer("request-timeout-seconds"));
    }

    public Duration pgbench() {
        return Duration.ofSeconds(integer("pgbench-seconds"));
    }

    public List<Integer> pgbenchClients() {
        return counts("pgbench-clients");
    }

    public List<Integer> orderClients() {
        return counts("order-clients");
    }

    public Duration orderWindow() {
        return Duration.ofSeconds(integer("order-seconds"));
    }

    public Duration orderWarmup() {
        return Duration.ofSeconds(integer("order-warmup-seconds"));
    }

    public List<Integer> rankingClients() {
        return counts("ranking-clients");
    }

    public int rankingOrderClients() {
        return integer("ranking-order-clients");
    }

    public Duration rankingWindow() {
        return Duration.ofSeconds(integer("ranking-seconds"));
    }

    public Duration rankingWarmup() {
        return Duration.ofSeconds(integer("ranking-warmup-seconds"));
    }

    public String redisHost() {
        return values.get("redis-host");
    }

    public int redisPort() {
        return integer("redis-port");
    }

    public String redisKeyPrefix() {
        return values.get("redis-key-prefix");
    }

    /** Everything the shop scenario takes from the command line. */
    public ShopScenario.Settings shop() {
        return new ShopScenario.Settings(integer("shop-users"), integer("shop-products"), shopZipfExponent(),
                                         integer("shop-clients"), integer("shop-readers"),
                                         Duration.ofSeconds(integer("shop-warmup-seconds")),
                                         Duration.ofSeconds(integer("shop-seconds")));
    }

    private double shopZipfExponent() {
        try {
            return Double.parseDouble(values.get("shop-zipf-exponent"));
        } catch (NumberFormatException e) {
            throw new UsageException("--shop-zipf-exponent needs a number, got '"
                                             + values.get("shop-zipf-exponent") + "'");
        }
    }

    private List<Integer> counts(String key) {
        List<Integer> clients = new ArrayList<>();
        for (String part : values.get(key).split(",")) {
            int count = parseInt(key, part.trim());
            if (count < 1) {
                throw new UsageException("--" + key + " needs positive numbers");
            }
            clients.add(count);
        }
        return List.copyOf(clients);
    }

    public List<Integer> searchClients() {
        return counts("search-clients");
    }

    public Path querySideJar() {
        Optional<String> given = optional("query-side-jar");
        if (given.isPresent()) {
            return Path.of(given.get());
        }
        Path target = Path.of("query-side", "target");
        try (var jars = java.nio.file.Files.newDirectoryStream(target, "query-side-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (java.io.IOException e) {
            // reported below as a missing jar
        }
        return target.resolve("query-side.jar");
    }

    public long messages() {
        try {
            return Long.parseLong(values.get("messages"));
        } catch (NumberFormatException e) {
            throw new UsageException("--messages needs a whole number, got '" + values.get("messages") + "'");
        }
    }

    public long events() {
        try {
            return Long.parseLong(values.get("events"));
        } catch (NumberFormatException e) {
            throw new UsageException("--events needs a whole number, got '" + values.get("events") + "'");
        }
    }

    public int searchRooms() {
        return integer("search-rooms");
    }

    public Duration searchWindow() {
        return Duration.ofSeconds(integer("search-seconds"));
    }

    public String pgDatabase() {
        return values.get("pg-database");
    }

    public String elasticsearchUrl() {
        return stripSlash(values.get("es-url"));
    }

    public String indexPrefix() {
        return values.get("index-prefix");
    }

    public String pgHost() {
        return values.get("pg-host");
    }

    public int pgPort() {
        return integer("pg-port");
    }

    public Optional<String> pgUser() {
        return optional("pg-user");
    }

    public Optional<String> pgPassword() {
        return optional("pg-password");
    }

    public Optional<String> outDir() {
        return optional("out-dir");
    }

    private Optional<String> optional(String key) {
        String value = values.get(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private int integer(String key) {
        return parseInt(key, values.get(key));
    }

    private void positive(String key) {
        if (integer(key) < 1) {
            throw new UsageException("--" + key + " must be at least 1");
        }
    }

    private void nonNegative(String key) {
        if (integer(key) < 0) {
            throw new UsageException("--" + key + " must not be negative");
        }
    }

    private void url(String key) {
        String value = values.get(key);
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new UsageException("--" + key + " must be an http(s) URL, got '" + value + "'");
        }
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " needs a whole number, got '" + value + "'");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A mistake on the command line: reported with the usage text, exit status 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
