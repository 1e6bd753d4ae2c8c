package dev.jangteo.query.consistency;

import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Waits, bounded, until a processing group has processed a global event position: checks, then sleeps until the
 * next commit of a projection or a short back-off (5 ms doubling to 50 ms), whichever comes first.
 */
@Component
class ConsistencyGate {

    private static final long FIRST_BACK_OFF = Duration.ofMillis(5).toNanos();
    private static final long MAX_BACK_OFF = Duration.ofMillis(50).toNanos();

    private final ProcessingProgress progress;
    private final CommitSignal commits;
    private final long maxWaitNanos;

    ConsistencyGate(ProcessingProgress progress, CommitSignal commits, ConsistencyProperties properties) {
        this.progress = progress;
        this.commits = commits;
        this.maxWaitNanos = properties.maxWait().toNanos();
    }

    /** Where the group stood when the wait ended: covering {@code position}, or stale past the bound. */
    ProcessingProgress.Progress await(String group, long position) {
        long deadline = System.nanoTime() + maxWaitNanos;
        long backOff = FIRST_BACK_OFF;
        while (true) {
            long seen = commits.commits();
            ProcessingProgress.Progress now = progress.of(group, position);
            long remaining = deadline - System.nanoTime();
            if (now.covers() || remaining <= 0) {
                return now;
            }
            try {
                commits.awaitCommitAfter(seen, Math.min(backOff, remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            backOff = Math.min(backOff * 2, MAX_BACK_OFF);
        }
    }
}
