package dev.jangteo.query.operations.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Extends the seal chain ({@link SealHash}) over every committed event in global order, never skipping one.
 * <p>
 * A dedicated tailer rather than an Axon event processor: a processor hands over deserialized, upcast messages (the
 * seal must hash the stored bytes), and on the event table its gap-aware token delivers an event that commits late
 * after the later events it already delivered, which would chain out of global order. The tailer reads the store's
 * events as stored, by position ({@link StoredEvents}, whichever the store: {@link StoredEventsRule}), stops where a
 * gap may still fill, and seals a batch per transaction with one multi-row insert, holding the chain's head row
 * locked so that several query-side instances extend one chain. Its progress is {@code GET /api/audit/seal}.
 */
@Component
class Sealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);

    private final SealChain chain;
    private final TransactionTemplate transaction;
    private final SealProperties properties;
    private final StoredEventsRule store;
    private final Counter failures;
    private ScheduledExecutorService executor;

    Sealer(SealChain chain, PlatformTransactionManager transactions, SealProperties properties,
           StoredEventsRule store, MeterRegistry meters) {
        this.chain = chain;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.store = store;
        this.failures = Counter.builder("jangteo.audit.seal.failures")
                               .description("Sealing batches that failed (and were retried)")
                               .register(meters);
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-seal").factory());
        executor.scheduleWithFixedDelay(this::sealWhileBehind, 0, properties.pollInterval().toMillis(),
                                        TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void sealWhileBehind() {
        try {
            while (!Thread.currentThread().isInterrupted() && sealBatch() == properties.batchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            // PostgreSQL or the store unreachable, or a race with another instance: the chain is as the last commit
            // left it.
            failures.increment();
            log.warn("Sealing stopped at a batch, retrying: {}", e.toString());
        }
    }

    /** Seals the next events up to the first gap that may still fill; answers how many events it sealed. */
    int sealBatch() {
        Integer sealed = transaction.execute(status -> {
            StoredEvents.Sealing events = store.events().sealing();
            SealChain.Head head = chain.lockHead();
            SealHash hash = new SealHash();
            List<SealChain.Seal> seals = new ArrayList<>();
            byte[] previous = head.seal();
            for (StoredEvent event : events.after(head.position(), properties.batchSize())) {
                previous = hash.next(previous, event);
                seals.add(new SealChain.Seal(event.position(), event.eventIdentifier(), previous));
            }
            chain.append(seals);
            return seals.size();
        });
        return sealed == null ? 0 : sealed;
    }
}
