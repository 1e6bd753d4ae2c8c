package dev.jangteo.benchmarks;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;
import dev.jangteo.benchmarks.scenario.EdgeScenario;
import dev.jangteo.benchmarks.scenario.HeapScenario;
import dev.jangteo.benchmarks.scenario.OrderScenario;
import dev.jangteo.benchmarks.scenario.RankingScenario;
import dev.jangteo.benchmarks.scenario.PgbenchScenario;
import dev.jangteo.benchmarks.scenario.RaceScenario;
import dev.jangteo.benchmarks.scenario.RampScenario;
import dev.jangteo.benchmarks.scenario.ReplayScenario;
import dev.jangteo.benchmarks.replay.ReplayBench;
import dev.jangteo.benchmarks.scenario.Scenario;
import dev.jangteo.benchmarks.scenario.SearchScenario;
import dev.jangteo.benchmarks.scenario.VerifyScenario;
import dev.jangteo.benchmarks.search.SearchBench;
import dev.jangteo.benchmarks.verify.VerifyBench;
import dev.jangteo.benchmarks.scenario.SequentialScenario;
import dev.jangteo.benchmarks.scenario.ShopScenario;
import dev.jangteo.benchmarks.scenario.SustainedScenario;
import dev.jangteo.benchmarks.scenario.WarmupScenario;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the chosen scenarios in order, each guarded so one failure never ends the run, then
 * prints the summary and writes it as JSON.
 */
final class Runner {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Options options;
    private final PrintStream out;
    private final Report report;

    Runner(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.report = new Report(out);
    }

    int run() {
        Instant startedAt = Instant.now();
        BenchTokens.use(options.jwtPrivateKey());
        out.println("jangteo benchmarks: command=" + options.commandUrl() + " query=" + options.queryUrl()
                + " scenarios=" + options.scenarios().stream().map(ScenarioName::label).toList()
                + " cpus=" + Runtime.getRuntime().availableProcessors() + " java=" + Runtime.version());
        try (ApiClient api = new ApiClient(options.commandUrl(), options.queryUrl(), options.requestTimeout())) {
            Optional<String> appsDown = options.scenarios().stream().anyMatch(ScenarioName::needsApps)
                    ? checkApps(api) : Optional.empty();
            for (ScenarioName name : options.scenarios()) {
                if (name.needsApps() && appsDown.isPresent()) {
                    report.add(ScenarioResult.error(name.label(), appsDown.get()));
                    continue;
                }
                if (name == ScenarioName.SHOP && report.result("pgbench").isEmpty()) {
                    // the shop's figures stand beside PostgreSQL's insert rate of the same run
                    runGuarded(scenario(ScenarioName.PGBENCH, api));
                }
                runGuarded(scenario(name, api));
                if (name == ScenarioName.SUSTAINED) {
                    noteRatio();
                }
            }
        }
        report.printSummary();
        writeJson(startedAt);
        return report.anyFailed() ? 1 : 0;
    }

    private Scenario scenario(ScenarioName name, ApiClient api) {
        return switch (name) {
            case PGBENCH -> new PgbenchScenario(report, options.pgHost(), options.pgPort(), options.pgUser(),
                    options.pgPassword(), options.pgbenchClients(), options.pgbench());
            case WARMUP -> new WarmupScenario(api, options.sustainedClients(), options.appWarmup());
            case RACE -> new RaceScenario(api, report, options.raceRounds(), options.raceWarmupRounds(),
                    options.raceClients(), options.raceQuantity(), options.settle());
            case SEQUENTIAL -> new SequentialScenario(api, options.sequentialRequests(), options.settle());
            case RAMP -> new RampScenario(api, report, options.ramp(), options.settle());
            case SUSTAINED -> new SustainedScenario(api, options.sustainedClients(), options.warmup(),
                    options.sustained(), options.settle());
            case ORDERS -> new OrderScenario(new ShopClient(options.commandUrl(), options.queryUrl(),
                    options.requestTimeout()), report, options.orderClients(), options.orderWarmup(),
                    options.orderWindow());
            case RANKINGS -> new RankingScenario(new ShopClient(options.commandUrl(), options.queryUrl(),
                    options.requestTimeout()), report, new RankingScenario.Settings(options.rankingClients(),
                    options.rankingOrderClients(), options.rankingWarmup(), options.rankingWindow(),
                    options.redisHost(), options.redisPort(), options.redisKeyPrefix()));
            case SHOP -> new ShopScenario(new ShopClient(options.commandUrl(), options.queryUrl(),
                    options.requestTimeout()), api, report, options.shop());
            case EDGE -> new EdgeScenario(new ShopClient(options.commandUrl(), options.queryUrl(),
                    options.requestTimeout()), options.edgeClients(), options.edgeRequests());
            case HEAP -> new HeapScenario(api);
            case SEARCH -> new SearchScenario(new SearchBench(new SearchBench.Settings(
                    options.queryUrl(), options.elasticsearchUrl(), options.indexPrefix(),
                    "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + options.pgDatabase(),
                    options.pgUser().orElse("jangteo"), options.pgPassword().orElse("jangteo"), options.messages(),
                    options.searchRooms(), options.searchWindow(), options.searchClients(),
                    options.requestTimeout())), report);
            case VERIFY -> new VerifyScenario(new VerifyBench(new VerifyBench.Settings(
                    options.pgHost(), options.pgPort(), options.pgUser().orElse("jangteo"),
                    options.pgPassword().orElse("jangteo"), options.events(), options.querySideJar(),
                    options.elasticsearchUrl(), options.redisHost(), options.redisPort())), report);
            case REPLAY -> new ReplayScenario(new ReplayBench(new ReplayBench.Settings(
                    "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + options.pgDatabase(),
                    options.pgUser().orElse("jangteo"), options.pgPassword().orElse("jangteo"),
                    options.elasticsearchUrl(), options.redisHost(), options.redisPort(), options.events())), report);
        };
    }

    private void runGuarded(Scenario scenario) {
        report.section(scenario.description());
        ScenarioResult result;
        try {
            result = scenario.run();
        } catch (RuntimeException e) {
            result = ScenarioResult.error(scenario.name(), String.valueOf(e.getMessage()));
        }
        report.add(result);
    }

    /** Empty when the command side answers; the reason otherwise. Warns when only the query side is down. */
    private Optional<String> checkApps(ApiClient api) {
        if (!api.reachable(options.commandUrl())) {
            String reason = "command side not reachable at " + options.commandUrl() + " (are the apps running?)";
            out.println("!! " + reason);
            return Optional.of(reason);
        }
        if (!api.reachable(options.queryUrl())) {
            out.println("!! query side not reachable at " + options.queryUrl()
                    + ": the query-side checks will fail");
        }
        return Optional.empty();
    }

    /** "sustained issues/s ÷ pgbench 1-client tps", when both ran. */
    private void noteRatio() {
        Optional<ScenarioResult> sustained = report.result("sustained");
        Optional<ScenarioResult> pgbench = report.result("pgbench");
        if (sustained.isEmpty() || pgbench.isEmpty()) {
            return;
        }
        double issues = sustained.get().number("issuesPerSecond");
        double tps = pgbench.get().number("tps");
        if (Double.isNaN(issues) || Double.isNaN(tps)) {
            return;
        }
        int clients = (int) pgbench.get().number("tpsClients");
        String line = String.format("%-11s sustained issues/s ÷ pgbench %d-client tps = %s ÷ %s = %s", "ratio",
                clients, Fmt.rate(issues), Fmt.rate(tps), Fmt.ratio(issues / tps));
        out.println(line);
        report.note(line);
    }

    private void writeJson(Instant startedAt) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("startedAt", startedAt.toString());
        header.put("finishedAt", Instant.now().toString());
        header.put("commandUrl", options.commandUrl());
        header.put("queryUrl", options.queryUrl());
        header.put("cpus", Runtime.getRuntime().availableProcessors());
        header.put("java", Runtime.version().toString());
        header.put("options", options.asMap());
        Path file = outputDirectory().resolve("results-" + LocalDateTime.now().format(FILE_STAMP) + ".json");
        try {
            report.writeJson(file, header);
            out.println("results written to " + file);
        } catch (IOException e) {
            out.println("!! could not write " + file + ": " + e.getMessage());
        }
    }

    /** --out-dir, else the directory of the jar (benchmarks/target), else benchmarks/target under the cwd. */
    private Path outputDirectory() {
        if (options.outDir().isPresent()) {
            return Path.of(options.outDir().get());
        }
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = location.toAbsolutePath().getParent();
            if (parent != null && Files.isDirectory(parent)) {
                return parent;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the default below
        }
        return Path.of("benchmarks", "target");
    }
}
