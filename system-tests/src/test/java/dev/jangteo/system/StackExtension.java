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
    private Stack stack;

    StackExtension(String name, int commandInstances) {
        this.name = name;
        this.commandInstances = commandInstances;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = Stack.start(name, commandInstances);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
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

    Connection connect() throws SQLException {
        return stack.connect();
    }
}
