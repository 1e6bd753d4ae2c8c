package dev.jangteo.query.ranking;

import dev.jangteo.api.catalog.ProductRegisteredEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.query.readmodel.Projection;
import dev.jangteo.query.readmodel.ReadModel;
import dev.jangteo.query.readmodel.ReplayScope;
import dev.jangteo.query.readmodel.Shadow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Product sales rankings in Redis ({@link RankingKeys}): a payment adds each line's quantity and gross revenue to
 * the sorted sets of the day, ISO week and month it was paid in; a cancellation subtracts them from the same ones.
 * <p>
 * The changes of a processor batch go to Redis in one script call just before the batch's token commits
 * ({@code apply.lua}); the script records each event's id with its increments in one atomic step, so a batch
 * retried after a failure, or redelivered after a crash between the Redis write and the token commit, counts
 * nothing twice. A failure fails the batch, which Axon retries with back-off: nothing is skipped, and queries answer
 * from PostgreSQL meanwhile ({@link RankingFreshness}). If Redis lost the keys (a restart without persistence) the
 * rankings are rebuilt from the event store ({@link RankingRebuild}).
 */
@Component
@ProcessingGroup(RankingProjection.GROUP)
class RankingProjection implements Projection {

    static final String GROUP = "rankings";
    static final ReadModel READ_MODEL = ReadModel.of(GROUP);
    private static final String BATCH = RankingProjection.class.getName() + ".batch";

    private final RankingStore store;
    private final RankingKeys keys;
    private final RankingFreshness freshness;
    private final RankingRebuild rebuild;
    private final ReplayScope replays;
    private final Clock clock;
    private final Timer lag;
    private final Counter writeErrors;

    RankingProjection(RankingStore store, RankingKeys keys, RankingFreshness freshness, RankingRebuild rebuild,
                      ReplayScope replays, MeterRegistry meters) {
        this.store = store;
        this.replays = replays;
        this.keys = keys;
        this.freshness = freshness;
        this.rebuild = rebuild;
        this.clock = Clock.systemUTC();
        this.lag = Timer.builder("jangteo.rankings.update.lag")
                        .description("From a payment or cancellation event's time to its ranking update in Redis")
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .publishPercentileHistogram()
                        .register(meters);
        this.writeErrors = RankingMetrics.redisErrors(meters, "apply");
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @EventHandler
    void on(ProductRegisteredEvent event, TrackingToken token) {
        batch().product(event.productId(), new RankingBatch.Product(event.name(), event.category()), token);
    }

    @EventHandler
    void on(OrderPaidEvent event, EventMessage<?> message, TrackingToken token) {
        change(message, event.lines(), event.paidAt(), 1, token);
    }

    @EventHandler
    void on(OrderCancelledEvent event, EventMessage<?> message, TrackingToken token) {
        change(message, event.lines(), event.paidAt(), -1, token);
    }

    private void change(EventMessage<?> message, List<PricedLine> lines, Instant paidAt, int sign,
                        TrackingToken token) {
        List<RankingBatch.Line> changed = lines.stream()
                                               .map(line -> new RankingBatch.Line(line.productId(), line.quantity(),
                                                                                  line.amount().won()))
                                               .toList();
        batch().add(new RankingBatch.Change(message.getIdentifier(), keys.day(paidAt), sign, changed,
                                            message.getTimestamp(), !ReplayToken.isReplay(token)), token);
    }

    /**
     * A whole replay starts from empty keys, marked complete, so the rebuilt rankings hold the whole history. A
     * replay from a moment keeps them: every event it brings again is in its day's applied set and changes nothing,
     * and the events after it land as they would have.
     */
    @ResetHandler
    void reset() {
        if (replays.partialFrom(GROUP).isEmpty()) {
            store.clear();
        }
    }

    /** The batch of the current unit of work; in a verified replay's, it is written to the shadow keys instead. */
    private RankingBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            RankingBatch batch = new RankingBatch();
            Optional<Shadow> shadow = Shadow.current();
            unitOfWork.onPrepareCommit(committing -> {
                if (shadow.isPresent()) {
                    store.apply(batch, clock.instant(), keys.shadow(shadow.get()));
                } else {
                    flush(batch);
                }
            });
            return batch;
        });
    }

    private void flush(RankingBatch batch) {
        Instant now = clock.instant();
        try {
            store.apply(batch, now, keys);
        } catch (RankingStore.RankingsLostException e) {
            freshness.markBehind();
            rebuild.start(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            freshness.markBehind();
            writeErrors.increment();
            throw e;
        }
        Instant applied = clock.instant();
        for (RankingBatch.Change change : batch.changes()) {
            if (change.live()) {
                lag.record(Duration.between(change.occurredAt(), applied));
            }
        }
    }
}
