package dev.jangteo.system;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One {@link Stack} per test class: {@code @RegisterExtension static StackExtension stack = ...}. */
final class StackExtension implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final int commandInstances;
    private int queryInstances = 1;
    private final TcpProxy databaseProxy;
    private TcpProxy searchProxy;
    private TcpProxy redisProxy;
    private final String[] commandArgs;
    private List<String> queryArgs = List.of();
    private Stack stack;

    StackExtension(String name, int commandInstances, String... commandArgs) {
        this(name, commandInstances, null, commandArgs);
    }

    /** The apps reach PostgreSQL through {@code databaseProxy}, which the test can cut and restore. */
    StackExtension(String name, int commandInstances, TcpProxy databaseProxy, String... commandArgs) {
        this.name = name;
        this.commandInstances = commandInstances;
        this.databaseProxy = databaseProxy;
        this.commandArgs = commandArgs;
    }

    /** The query side reaches Elasticsearch through {@code proxy}, which the test can cut and restore. */
    StackExtension withSearchProxy(TcpProxy proxy) {
        this.searchProxy = proxy;
        return this;
    }

    /** {@code instances} query sides on the one database, sharing the processing groups' segments. */
    StackExtension withQueryInstances(int instances) {
        this.queryInstances = instances;
        return this;
    }

    /** Extra Spring Boot arguments of the query sides. */
    StackExtension withQueryArgs(String... args) {
        this.queryArgs = List.of(args);
        return this;
    }

    /** The query side reaches Redis through {@code proxy}, which the test can cut and restore. */
    StackExtension withRedisProxy(TcpProxy proxy) {
        this.redisProxy = proxy;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = Stack.start(name, commandInstances, queryInstances, databaseProxy, searchProxy, redisProxy,
                            queryArgs, commandArgs);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
        }
        if (databaseProxy != null) {
            databaseProxy.close();
        }
        if (searchProxy != null) {
            searchProxy.close();
        }
        if (redisProxy != null) {
            redisProxy.close();
        }
    }

    Stack get() {
        return stack;
    }

    URI command() {
        return stack.command();
    }

    URI command(int instance) {
        return stack.command(instance);
    }

    List<URI> commands() {
        return stack.commands();
    }

    URI query() {
        return stack.query();
    }

    URI query(int instance) {
        return stack.query(instance);
    }

    Connection connect() throws SQLException {
        return stack.connect();
    }
}
