package dev.jangteo.query.audit;

import dev.jangteo.platform.eventstore.EventTables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Extends the seal chain ({@link SealHash}) over every committed event in global order, never skipping one.
 * <p>
 * A dedicated JDBC tailer rather than an Axon event processor: a processor hands over deserialized, upcast messages
 * (the seal must hash the stored bytes), and its gap-aware token delivers an event that commits late after the later
 * events it already delivered, which would chain out of global order. The tailer reads raw rows by position, waits
 * at a gap until {@link GapWatch} knows it is permanent, and seals a batch per transaction with one multi-row insert,
 * holding the chain's head row locked so that several query-side instances extend one chain. Its progress is
 * {@code GET /api/audit/seal}. Off where the event table is not the store ({@link EventTableRule}).
 */
@Component
class Sealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    private static final String NEXT_EVENTS = "SELECT " + StoredEvent.COLUMNS + " FROM " + EventTables.EVENTS
            + " WHERE global_index > ? ORDER BY global_index LIMIT ?";

    private final SealChain chain;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SealProperties properties;
    private final GapWatch gaps;
    private final EventTableRule table;
    private final Counter failures;
    private ScheduledExecutorService executor;

    Sealer(SealChain chain, JdbcClient jdbc, PlatformTransactionManager transactions, SealProperties properties,
           EventTableRule table, MeterRegistry meters) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.gaps = new GapWatch(properties.gapGrace(), Clock.systemUTC());
        this.table = table;
        this.failures = Counter.builder("jangteo.audit.seal.failures")
                               .description("Sealing batches that failed (and were retried)")
                               .register(meters);
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || !table.holdsTheEvents() || executor != null) {
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
            // PostgreSQL unreachable, or a race with another instance: the chain is as the last commit left it.
            failures.increment();
            log.warn("Sealing stopped at a batch, retrying: {}", e.toString());
        }
    }

    /** Seals the next events up to the first gap that may still fill; answers how many events it read. */
    int sealBatch() {
        Integer read = transaction.execute(status -> {
            // Before the head is locked (which gives this transaction an id of its own) and before the events are read.
            Set<Long> closable = gaps.closable(horizon());
            SealChain.Head head = chain.lockHead();
            List<StoredEvent> events = jdbc.sql(NEXT_EVENTS)
                                           .params(head.position(), properties.batchSize())
                                           .query((row, n) -> StoredEvent.of(row))
                                           .list();
            SealHash hash = new SealHash();
            List<SealChain.Seal> seals = new ArrayList<>();
            byte[] previous = head.seal();
            long expected = head.position() + 1;
            boolean blocked = false;
            for (StoredEvent event : events) {
                boolean gapBefore = event.position() > expected;
                if (gapBefore && (blocked || !closable.contains(expected))) {
                    // Stop sealing here, but note the later gaps too, so that their grace runs alongside.
                    gaps.saw(expected);
                    blocked = true;
                }
                if (!blocked) {
                    previous = hash.next(previous, event);
                    seals.add(new SealChain.Seal(event.position(), event.eventIdentifier(), previous));
                }
                expected = event.position() + 1;
            }
            chain.append(seals);
            if (!seals.isEmpty()) {
                gaps.sealedUpTo(seals.getLast().position());
            }
            return blocked ? 0 : events.size();
        });
        return read == null ? 0 : read;
    }

    private GapWatch.Horizon horizon() {
        return jdbc.sql("SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax"
                                + " FROM pg_current_snapshot() s")
                   .query((row, n) -> new GapWatch.Horizon(row.getLong("xmin"), row.getLong("xmax")))
                   .single();
    }
}
