package dev.jangteo.query.operations.replay.verify;

import dev.jangteo.query.readmodel.Shadow;
import dev.jangteo.query.readmodel.ShadowStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Feeds the events of the store, in order, to a group's own handlers inside units of work that write to the shadow
 * copies: the same handler code as the live processor, without its dead-letter queue (a failure is recorded, not
 * parked) and without its tokens. Events are read from the event store directly, never through the live processor.
 */
final class ShadowReplay {

    private static final int BATCH_SIZE = 1_000;
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(60);

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TransactionManager transactionManager;
    private final Shadow shadow;
    private final List<ShadowStore> stores;
    private final EventHandlerInvoker invoker;
    private final List<ShadowStore.Difference> failures = new ArrayList<>();
    private long handled;

    ShadowReplay(StreamableMessageSource<TrackedEventMessage<?>> source, TransactionManager transactionManager,
                 Shadow shadow, List<ShadowStore> stores, List<EventMessageHandler> handlers) {
        this.source = source;
        this.transactionManager = transactionManager;
        this.shadow = shadow;
        this.stores = stores;
        this.invoker = SimpleEventHandlerInvoker.builder()
                                                .eventHandlers(handlers)
                                                .listenerInvocationErrorHandler((failure, event, handler) ->
                                                        failures.add(new ShadowStore.Difference(
                                                                "handler", "HANDLER_FAILED",
                                                                position(event) + " " + event.getPayloadType()
                                                                        .getSimpleName() + ": " + failure)))
                                                .build();
    }

    /**
     * Replays the events after {@code from} (null: from the first) up to position {@code last}, handing over those
     * that {@code include} accepts. Answers the store's own token of the last event read at or below {@code last}
     * ({@code from} when there was none), to go on from with another {@code replay}: whatever the store's token type,
     * and with the gaps a gap-aware token still has, so that an event which commits late is not lost in between.
     */
    TrackingToken replay(TrackingToken from, long last, Predicate<TrackedEventMessage<?>> include)
            throws InterruptedException {
        long reached = from == null ? -1 : from.position().orElse(-1);
        TrackingToken readUpTo = from;
        List<EventMessage<?>> batch = new ArrayList<>(BATCH_SIZE);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(from)) {
            while (reached < last) {
                if (!stream.hasNextAvailable((int) QUIET_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The event store delivered nothing for " + QUIET_LIMIT
                                                            + " before position " + last);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                reached = position(event);
                if (reached > last) {
                    break;
                }
                readUpTo = event.trackingToken();
                if (include.test(event) && invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                    batch.add(event);
                    if (batch.size() == BATCH_SIZE) {
                        apply(batch);
                        batch = new ArrayList<>(BATCH_SIZE);
                    }
                }
            }
        }
        apply(batch);
        return readUpTo;
    }

    long handled() {
        return handled;
    }

    List<ShadowStore.Difference> failures() {
        return failures;
    }

    private void apply(List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.resources().put(Shadow.RESOURCE, shadow);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            if (unitOfWork.isFirstMessage()) {
                stores.forEach(store -> store.enter(shadow));
            }
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("The shadow replay failed on a batch ending at position "
                                                    + position(batch.getLast()), result.exceptionResult());
        }
        handled += batch.size();
    }

    static long position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken().position().orElse(-1) : -1;
    }
}
