package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./dev backup} and {@code ./dev restore} run as an operator runs them, as processes, against the local
 * PostgreSQL and Elasticsearch the stacks use; backups go to {@code system-tests/target/backups/}.
 */
final class Backups {

    private static final Path DEV = Path.of(System.getProperty("jangteo.it.dev", "../dev"));
    private static final long TIMEOUT_MINUTES = 5;

    /** How a run of {@code ./dev} ended: its exit status and what it printed (stdout and stderr). */
    record Run(int exit, String output) {
    }

    private Backups() {
    }

    /** A new, empty-to-be folder for one backup. */
    static Path newFolder() {
        return Path.of("target", "backups", UUID.randomUUID().toString()).toAbsolutePath();
    }

    /** {@code ./dev backup folder --db database options...}, which must succeed. */
    static Run backup(Stack stack, Path folder, String... options) {
        List<String> arguments = new ArrayList<>(List.of("backup", folder.toString(), "--db", stack.database()));
        arguments.addAll(List.of(options));
        Run run = dev(arguments);
        assertThat(run.exit()).as("./dev backup: %s", run.output()).isZero();
        return run;
    }

    /** {@code ./dev restore folder --into database options...}, whatever its outcome. */
    static Run restore(Path folder, String database, String... options) {
        List<String> arguments = new ArrayList<>(List.of("restore", folder.toString(), "--into", database));
        arguments.addAll(List.of(options));
        return dev(arguments);
    }

    /** The name=value lines of a part's manifest ({@code events} or {@code keys}). */
    static Map<String, String> manifest(Path part) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(part.resolve("manifest"))) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** Every event of the stack's store by position, as a digest of the whole row. */
    static Map<Long, String> eventDigests(Connection connection) throws SQLException {
        Map<Long, String> digests = new TreeMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT global_index, md5(e::text) FROM command_side.domain_event_entry e")) {
            while (rows.next()) {
                digests.put(rows.getLong(1), rows.getString(2));
            }
        }
        return digests;
    }

    /** For each of {@code subjects} with a key row: true while it has a key, false once erased (a tombstone). */
    static Map<String, Boolean> keys(Connection connection, String... subjects) throws SQLException {
        Map<String, Boolean> keys = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT subject, key_bytes IS NOT NULL FROM personal_data.subject_key WHERE subject = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", subjects));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        return keys;
    }

    private static Run dev(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("bash", DEV.toString()));
        command.addAll(arguments);
        URI postgres = Stack.postgres();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGHOST", postgres.getHost());
        builder.environment().put("PGPORT", String.valueOf(postgres.getPort()));
        builder.environment().put("JANGTEO_SEARCH_URL", Stack.elasticsearch().toString());

        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./dev " + arguments + " still ran after " + TIMEOUT_MINUTES + " minutes");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
