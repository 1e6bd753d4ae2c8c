package dev.jangteo.query.support;

import dev.jangteo.testkit.RedisKeys;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own for one test class on the local PostgreSQL, with the command side's event store and key
 * store schemas (the query side only reads them; its own schema comes from its Flyway migrations). Dropped after the
 * class with the class's Redis keys and Elasticsearch indices, so re-runs need no cleanup. Registered before
 * Spring's extension, so the database outlives the application context.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String SERVER = System.getProperty("jangteo.it.server", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("jangteo.it.user", "jangteo");
    static final String PASSWORD = System.getProperty("jangteo.it.password", "jangteo");
    private static final String REDIS_HOST = System.getProperty("jangteo.it.redis-host", "127.0.0.1");
    private static final int REDIS_PORT = Integer.getInteger("jangteo.it.redis-port", 6379);
    private static final Path EVENT_STORE_SQL =
            Path.of("..", "command-side", "src", "main", "resources", "db", "migration", "command_side",
                    "V1__event_store.sql");
    private static final Path KEY_STORE_SQL =
            Path.of("..", "command-side", "src", "main", "resources", "db", "migration", "command_side",
                    "V10__personal_data_keys.sql");

    private static String current;

    static String url() {
        if (current == null) {
            throw new IllegalStateException("No test database: extend QuerySideStack");
        }
        return SERVER + current;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        current = ("jangteo_qtest_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + current + " OWNER " + USER);
        try (Connection connection = DriverManager.getConnection(url(), USER, PASSWORD)) {
            connection.createStatement().execute("CREATE SCHEMA command_side; SET search_path TO command_side");
            connection.createStatement().execute(read(EVENT_STORE_SQL));
            connection.createStatement().execute("CREATE SCHEMA personal_data");
            connection.createStatement().execute(read(KEY_STORE_SQL));
        }
    }

    /** The Redis key prefix of the current test class: its database name. */
    static String keyPrefix() {
        url();
        return current + ":";
    }

    /** The Elasticsearch index prefix of the current test class: its database name (index names take no colon). */
    static String indexPrefix() {
        url();
        return current + "-";
    }

    @Override
    public void afterAll(ExtensionContext context) {
        admin("DROP DATABASE IF EXISTS " + current + " WITH (FORCE)");
        try {
            RedisKeys.deleteByPrefix(REDIS_HOST, REDIS_PORT, keyPrefix());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the Redis keys under " + keyPrefix(), e);
        }
        SearchIndices.delete(indexPrefix());
        current = null;
    }

    private static String read(Path migration) {
        try {
            return Files.readString(migration);
        } catch (IOException e) {
            throw new UncheckedIOException("The command side's migrations are read from " + migration
                                                   + " (tests run from query-side/)", e);
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' (does ./dev up's role exist?)", e);
        }
    }
}
