package dev.jangteo.query.consistency;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Long polling on a read model row: reads, and while the answer is not yet what the caller waits for, waits until
 * the watched processing group commits a change to that aggregate, then reads again, up to a bound. Lets a client
 * wait for an outcome (an order becoming PAID or REJECTED) without polling over HTTP. Only the waiters of the
 * aggregate that changed wake up, so many waiting clients cost little between changes. With several query-side
 * instances the change may be committed by another one, whose commit wakes nobody here: while the aggregate's
 * segment is not processed by this instance, a waiter reads again every {@code jangteo.consistency.watch-recheck}
 * (250 ms). While it is, the commit wakes the waiter, and it reads again only every
 * {@code watch-recheck-own-segment} (2 s), in case the segment moved to another instance meanwhile.
 */
@Component
public class ProjectionWatch {

    /** The waiters' changes per aggregate; a list is changed only inside the map's atomic compute, or once removed. */
    private final ConcurrentHashMap<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Duration recheck;
    private final Duration recheckOwnSegment;

    ProjectionWatch(ObjectProvider<EventProcessingConfiguration> processing, ConsistencyProperties properties) {
        this.processing = processing;
        this.recheck = properties.watchRecheck();
        this.recheckOwnSegment = properties.watchRecheckOwnSegment();
    }

    /** Makes {@code group} report, after each commit, the aggregates whose events it handled. */
    public ConfigurerModule watching(String group) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(
                group, configuration -> changesAfterCommit());
    }

    /**
     * The last read: the awaited answer, or whatever was there when {@code bound} ran out. {@code group} is the
     * watched processing group that projects {@code aggregateId}'s events into what {@code read} reads.
     */
    public <T> T readUntil(String group, String aggregateId, Supplier<T> read, Predicate<T> awaited,
                           Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            // Registered before the read, so a change committed after the read still wakes this waiter.
            CompletableFuture<Void> change = register(aggregateId);
            try {
                T value = read.get();
                long remaining = deadline - System.nanoTime();
                if (awaited.test(value) || remaining <= 0) {
                    return value;
                }
                try {
                    change.get(Math.min(remaining, recheckAfter(group, aggregateId).toNanos()),
                               TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Read again: another instance may have committed the change.
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return value;
                }
            } finally {
                unregister(aggregateId, change);
            }
        }
    }

    /** Each waiter has a change of its own, so one leaving never takes the wake from another. */
    private CompletableFuture<Void> register(String aggregateId) {
        CompletableFuture<Void> change = new CompletableFuture<>();
        waiting.compute(aggregateId, (id, changes) -> {
            List<CompletableFuture<Void>> all = changes == null ? new ArrayList<>(1) : changes;
            all.add(change);
            return all;
        });
        return change;
    }

    private void unregister(String aggregateId, CompletableFuture<Void> change) {
        waiting.computeIfPresent(aggregateId, (id, changes) -> {
            changes.remove(change);
            return changes.isEmpty() ? null : changes;
        });
    }

    /** How many aggregates have reads waiting on them now. */
    public int waiting() {
        return waiting.size();
    }

    /**
     * How long a waiter may wait for a wake before it reads again: long while a segment this instance processes
     * holds the aggregate (its commit wakes the waiter), short otherwise. A group whose events are not sequenced by
     * aggregate cannot be told apart, so it is rechecked often.
     */
    public Duration recheckAfter(String group, String aggregateId) {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null
                || !(configuration.sequencingPolicy(group) instanceof SequentialPerAggregatePolicy)) {
            return recheck;
        }
        boolean local = configuration.eventProcessor(group, StreamingEventProcessor.class)
                                     .map(StreamingEventProcessor::processingStatus)
                                     .map(statuses -> processedHere(statuses.values(), aggregateId))
                                     .orElse(false);
        return local ? recheckOwnSegment : recheck;
    }

    private static boolean processedHere(Iterable<EventTrackerStatus> segments, String aggregateId) {
        for (EventTrackerStatus segment : segments) {
            if (!segment.isErrorState() && segment.getSegment().matches(aggregateId)) {
                return true;
            }
        }
        return false;
    }

    private MessageHandlerInterceptor<EventMessage<?>> changesAfterCommit() {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                String aggregateId = event.getAggregateIdentifier();
                unitOfWork.afterCommit(u -> changed(aggregateId));
            }
            return chain.proceed();
        };
    }

    private void changed(String aggregateId) {
        List<CompletableFuture<Void>> changes = waiting.remove(aggregateId);
        if (changes != null) {
            changes.forEach(change -> change.complete(null));
        }
    }
}
