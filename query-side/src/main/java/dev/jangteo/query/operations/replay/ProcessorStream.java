package dev.jangteo.query.operations.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The processing groups' status pushed to watchers as server-sent events ({@code event: processors}, the same JSON
 * as {@code GET /api/admin/processors}), once on subscribing and then every {@link #PERIOD}: the console's operator
 * page shows lag, claims and replay progress live without polling. One thread reads the status once per tick for
 * every watcher, and only while somebody watches. A stream ends after {@link #LIFETIME}; the watcher reconnects, so
 * no request is held open forever. On shutdown the streams end first (the highest lifecycle phase), so that the web
 * server's graceful shutdown does not wait for watchers who would never leave.
 */
@Component
class ProcessorStream implements SmartLifecycle {

    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String EVENT = "processors";
    /** Watchers kept at once; each is one open request. */
    static final int MAX_WATCHERS = 64;
    private static final Logger log = LoggerFactory.getLogger(ProcessorStream.class);

    private final ProcessorStatuses statuses;
    private final Set<SseEmitter> watchers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("processor-stream").daemon().factory());
    private ScheduledFuture<?> ticking;
    private volatile boolean running;

    ProcessorStream(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    /** A new stream, or empty when {@link #MAX_WATCHERS} are open already (or this instance is stopping). */
    synchronized Optional<SseEmitter> watch() {
        if (!running || watchers.size() >= MAX_WATCHERS) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        emitter.onCompletion(() -> forget(emitter));
        emitter.onTimeout(() -> forget(emitter));
        emitter.onError(error -> forget(emitter));
        watchers.add(emitter);
        ticker.execute(() -> send(emitter, statuses.all()));
        if (ticking == null) {
            ticking = ticker.scheduleAtFixedRate(this::tick, PERIOD.toMillis(), PERIOD.toMillis(),
                                                 TimeUnit.MILLISECONDS);
        }
        return Optional.of(emitter);
    }

    private synchronized void forget(SseEmitter emitter) {
        watchers.remove(emitter);
        if (watchers.isEmpty() && ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    private void tick() {
        try {
            List<ProcessorStatus> now = statuses.all();
            watchers.forEach(emitter -> send(emitter, now));
        } catch (RuntimeException e) {
            // A failed read skips a tick; the next one tries again (an exception would end the schedule).
            log.warn("Could not read the processors' status for their watchers", e);
        }
    }

    private void send(SseEmitter emitter, List<ProcessorStatus> now) {
        try {
            emitter.send(SseEmitter.event().name(EVENT).data(new ProcessorsController.Processors(now),
                                                             MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The watcher went away; its emitter's callbacks forget it.
            emitter.completeWithError(e);
            forget(emitter);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        ticker.shutdownNow();
        watchers.forEach(SseEmitter::complete);
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
