package dev.jangteo.query.consistency;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Long polling on a read model: reads, and while the answer is not yet what the caller waits for, waits for the
 * next projection commit and reads again, up to a bound. Lets a client wait for an outcome (an order becoming PAID
 * or REJECTED) without polling over HTTP.
 */
@Component
public class ProjectionWatch {

    private final CommitSignal commits;

    ProjectionWatch(CommitSignal commits) {
        this.commits = commits;
    }

    /** The last read: the awaited answer, or whatever was there when {@code bound} ran out. */
    public <T> T readUntil(Supplier<T> read, Predicate<T> awaited, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            long seen = commits.commits();
            T value = read.get();
            long remaining = deadline - System.nanoTime();
            if (awaited.test(value) || remaining <= 0) {
                return value;
            }
            try {
                commits.awaitCommitAfter(seen, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
        }
    }
}
