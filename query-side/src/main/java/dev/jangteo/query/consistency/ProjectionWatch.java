package dev.jangteo.query.consistency;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

import java.time.Duration;
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
 * instances the change may be committed by another one, whose commit wakes nobody here: a waiter reads again every
 * {@value #RECHECK_MILLIS} ms all the same.
 */
@Component
public class ProjectionWatch {

    static final long RECHECK_MILLIS = 250;

    private final ConcurrentHashMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Makes {@code group} report, after each commit, the aggregates whose events it handled. */
    public ConfigurerModule watching(String group) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(
                group, configuration -> changesAfterCommit());
    }

    /** The last read: the awaited answer, or whatever was there when {@code bound} ran out. */
    public <T> T readUntil(String aggregateId, Supplier<T> read, Predicate<T> awaited, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            CompletableFuture<Void> change = waiting.computeIfAbsent(aggregateId, id -> new CompletableFuture<>());
            T value = read.get();
            long remaining = deadline - System.nanoTime();
            if (awaited.test(value)) {
                return value;
            }
            if (remaining <= 0) {
                waiting.remove(aggregateId, change);
                return value;
            }
            try {
                change.get(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Read again: another instance may have committed the change.
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
        }
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
        CompletableFuture<Void> change = waiting.remove(aggregateId);
        if (change != null) {
            change.complete(null);
        }
    }
}
