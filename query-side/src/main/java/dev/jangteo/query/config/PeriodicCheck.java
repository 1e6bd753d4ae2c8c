package dev.jangteo.query.config;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Something the query side looks at every {@code interval} on a thread of its own, from the application's start
 * to its stop: a store that may have lost its data, a rebuild that may be ready to finish. A check that throws is
 * tried again at the next interval, so it never stops the timer.
 */
public abstract class PeriodicCheck implements SmartLifecycle {

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService timer;

    protected PeriodicCheck(String name, Duration initialDelay, Duration interval) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    protected abstract void check() throws Exception;

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        timer.scheduleWithFixedDelay(this::checkOnce, initialDelay.toMillis(), interval.toMillis(),
                                     TimeUnit.MILLISECONDS);
    }

    private void checkOnce() {
        try {
            check();
        } catch (Exception e) {
            failed(e);
        }
    }

    /** What a failed check leaves behind; the next one comes at the next interval all the same. */
    protected abstract void failed(Exception e);

    @Override
    public void stop() {
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
