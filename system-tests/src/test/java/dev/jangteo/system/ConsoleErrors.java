package dev.jangteo.system;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.logging.LogEntry;

/**
 * The {@code SEVERE} entries of a page's console (console.error, uncaught exceptions, failed loads) that a test has
 * not said it expects. A console page that logs an error has a bug a user would not see, so a browser fails its test
 * on one unless the test names it beforehand.
 */
final class ConsoleErrors {

    private final List<LogEntry> seen = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();

    void add(Iterable<LogEntry> entries) {
        for (LogEntry entry : entries) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                seen.add(entry);
            }
        }
    }

    /** Errors whose message contains {@code fragment} are not the test's failure. */
    void expect(String fragment) {
        expected.add(fragment);
    }

    List<String> all() {
        return seen.stream().map(LogEntry::getMessage).toList();
    }

    List<String> unexpected() {
        return all().stream().filter(message -> expected.stream().noneMatch(message::contains)).toList();
    }

    /** Forgets the errors and the expectations: the next test starts clean. */
    void clear() {
        seen.clear();
        expected.clear();
    }
}
