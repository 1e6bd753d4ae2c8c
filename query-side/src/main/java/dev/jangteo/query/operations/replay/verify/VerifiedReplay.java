package dev.jangteo.query.operations.replay.verify;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.query.config.SegmentBalancer;
import dev.jangteo.query.consistency.StoredTokens;
import dev.jangteo.query.consistency.TokenPositions;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.Shadow;
import dev.jangteo.query.readmodel.ShadowStore;
import dev.jangteo.query.operations.replay.GroupHandlers;
import dev.jangteo.query.readmodel.ReplayProgress;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A replay that proves itself: rebuilds a processing group into shadow copies of its stores and compares them with
 * the live ones, at exactly the position the live read model is at.
 * <p>
 * <b>Same code, other place.</b> The group's own handler objects run (not a copy of their logic), fed by a loop
 * over the event store ({@link ShadowReplay}) in units of work that carry the {@link Shadow}: each store of the
 * group (the PostgreSQL tables its {@link dev.jangteo.query.readmodel.ReadModel} declares, and each
 * {@link ShadowStore} bean of the group: the message index, the ranking keys, whatever store a new projection brings)
 * sends those writes to its shadow copy, a schema, an index or a key prefix of its own.
 * <p>
 * <b>Equal position.</b> The live read model commits with its token, so the committed token says exactly which
 * events it holds: those at or below its index, except its gaps (events not committed yet when it passed them). The
 * shadow first replays, while the live group keeps running, every event up to the highest position below which the
 * live token has no gap; then the live group is paused (shut down, which stores its token), the shadow replays the
 * events after that (from the store's own token where the first stretch stopped, so any store's token type does)
 * which the paused token covers (segment by segment, with the group's sequencing policy), the
 * stores are compared, and the live group starts again. So the pause lasts only for the last stretch and the
 * comparison; reads keep being served meanwhile. Events the live group parked in its dead-letter queue are skipped
 * too, since the live read model does not hold them either. With several query-side instances, the others let go of
 * the group's segments for the pause ({@link SegmentBalancer#takeAll}), so that no segment moves on elsewhere.
 * <p>
 * A group that is replaying is refused: its read model is not at any single position until it caught up.
 */
@Component
public class VerifiedReplay {

    static final int MAX_DIFFERENCES = 10;
    private static final Logger log = LoggerFactory.getLogger(VerifiedReplay.class);

    private final EventStore eventStore;
    private final TransactionManager transactionManager;
    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final List<ShadowStore> stores;
    private final JdbcClient jdbc;
    private final SegmentBalancer balancer;
    private final Set<String> verifying = ConcurrentHashMap.newKeySet();

    VerifiedReplay(EventStore eventStore, TransactionManager transactionManager,
                   EventProcessingConfiguration processing, StoredTokens storedTokens, List<ShadowStore> stores,
                   List<Projection> projections, JdbcClient jdbc, SegmentBalancer balancer) {
        this.eventStore = eventStore;
        this.transactionManager = transactionManager;
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.stores = Stream.concat(projections.stream().map(Projection::readModel)
                                               .filter(readModel -> !readModel.tables().isEmpty())
                                               .map(readModel -> new PostgresShadowStore(readModel, jdbc)),
                                    stores.stream()).toList();
        this.jdbc = jdbc;
        this.balancer = balancer;
    }

    public Verification verify(StreamingEventProcessor processor) {
        String group = processor.getName();
        List<ShadowStore> groupStores = stores.stream().filter(store -> store.group().equals(group)).toList();
        if (groupStores.isEmpty()) {
            throw ApiException.conflict("VERIFY_NOT_SUPPORTED", "Processor " + group + " has no store to verify");
        }
        if (processor.processingStatus().values().stream().anyMatch(ReplayProgress::replaying)) {
            throw ApiException.conflict("PROCESSOR_BUSY", "Processor " + group + " is replaying; verify it once "
                    + "it has caught up");
        }
        if (!verifying.add(group)) {
            throw ApiException.conflict("PROCESSOR_BUSY", "Processor " + group + " is being verified already");
        }
        try {
            return verify(processor, groupStores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            verifying.remove(group);
        }
    }

    private Verification verify(StreamingEventProcessor processor, List<ShadowStore> groupStores)
            throws InterruptedException {
        String group = processor.getName();
        long started = System.nanoTime();
        Shadow shadow = Shadow.of(group);
        List<ShadowStore> prepared = new ArrayList<>();
        try {
            for (ShadowStore store : groupStores) {
                store.prepare(shadow);
                prepared.add(store);
            }
            ShadowReplay replay = new ShadowReplay(eventStore, transactionManager, shadow, groupStores,
                                                   GroupHandlers.of(processor));
            Set<String> parked = parkedEvents(group);
            long contiguous = storedTokens.of(group).values().stream()
                                          .mapToLong(TokenPositions::contiguous).min().orElse(-1);
            TrackingToken after = replay.replay(null, contiguous, event -> !parked.contains(event.getIdentifier()));

            if (!balancer.takeAll(processor)) {
                throw ApiException.conflict("PROCESSOR_BUSY", "Processor " + group + " is being reset or verified "
                        + "by another instance");
            }
            boolean running = processor.isRunning();
            processor.shutDown();
            try {
                Map<Integer, TrackingToken> paused = storedTokens.of(group);
                parked.addAll(parkedEvents(group));
                long position = paused.values().stream().mapToLong(TokenPositions::reached).max().orElse(-1);
                replay.replay(after, position, covered(group, paused).and(
                        event -> !parked.contains(event.getIdentifier())));
                return compare(group, shadow, groupStores, replay, position, parked.size(), started);
            } finally {
                if (running) {
                    processor.start();
                }
                balancer.release(processor);
            }
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Verified replay of " + group + " failed", e);
        } finally {
            for (ShadowStore store : prepared) {
                try {
                    store.discard(shadow);
                } catch (Exception e) {
                    log.warn("Could not discard the shadow {} of {}", shadow.name(), store.group(), e);
                }
            }
        }
    }

    private static Verification compare(String group, Shadow shadow, List<ShadowStore> groupStores,
                                        ShadowReplay replay, long position, long skipped, long started)
            throws Exception {
        List<ShadowStore.Difference> differences = new ArrayList<>(replay.failures().stream()
                                                                          .limit(MAX_DIFFERENCES).toList());
        long rows = 0;
        for (ShadowStore store : groupStores) {
            ShadowStore.Comparison comparison = store.compare(shadow, MAX_DIFFERENCES - differences.size());
            rows += comparison.entries();
            differences.addAll(comparison.differences());
        }
        boolean equal = differences.isEmpty() && replay.failures().isEmpty();
        return new Verification(group, equal, position, replay.handled(), rows, skipped,
                                (System.nanoTime() - started) / 1_000_000, differences);
    }

    /** Whether the paused token of the event's segment covers it. */
    private Predicate<TrackedEventMessage<?>> covered(String group, Map<Integer, TrackingToken> tokens) {
        if (tokens.size() == 1) {
            TrackingToken token = tokens.values().iterator().next();
            return event -> TokenPositions.covers(token, ShadowReplay.position(event));
        }
        int[] ids = tokens.keySet().stream().mapToInt(Integer::intValue).toArray();
        SequencingPolicy<? super org.axonframework.eventhandling.EventMessage<?>> policy =
                processing.sequencingPolicy(group);
        return event -> {
            Object sequence = policy.getSequenceIdentifierFor(event);
            for (int id : ids) {
                if (Segment.computeSegment(id, ids).matches(sequence == null ? event.getIdentifier() : sequence)) {
                    return TokenPositions.covers(tokens.get(id), ShadowReplay.position(event));
                }
            }
            return false;
        };
    }

    private Set<String> parkedEvents(String group) {
        return new HashSet<>(jdbc.sql("SELECT event_identifier FROM query_side.dead_letter_entry "
                                              + "WHERE processing_group = ?")
                                 .param(group)
                                 .query(String.class)
                                 .list());
    }
}
