package dev.jangteo.command.coupon;

import dev.jangteo.api.coupon.IssueCouponCommand;
import dev.jangteo.api.coupon.IssueCouponResult;
import dev.jangteo.api.coupon.IssueOutcome;
import dev.jangteo.api.coupon.IssueRequest;
import dev.jangteo.command.config.LostRaceRetry;
import dev.jangteo.platform.axon.AuditMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit for coupon claims. Claims on one coupon queue in arrival order in a lane; while one batch is being
 * decided and committed, new claims wait, and the next batch takes all of them (up to {@code maxBatch}). A lone claim
 * goes out at once; a burst of hundreds costs a handful of transactions instead of hundreds, which is what lets one
 * hot coupon approach the database's own commit rate. Fairness holds: a lane is FIFO and the aggregate decides a
 * batch in order.
 * <p>
 * When another instance wrote the coupon first, the event store's unique (aggregate, sequence) key rejects the whole
 * batch (answered with the {@code LOST_RACE} refusal on every command bus), Axon drops the stale cached aggregate,
 * and the batch is decided again on fresh state, after a short random pause so that competing instances do not retry
 * in lockstep.
 */
public class CouponIssueDesk implements AutoCloseable {

    private final CommandGateway commandGateway;
    private final int maxBatch;
    private final int maxAttempts;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService drainers = Executors.newVirtualThreadPerTaskExecutor();
    private final DistributionSummary batchSizes;
    private final Timer batchTimes;
    private final Counter lostRaces;

    public CouponIssueDesk(CommandGateway commandGateway, int maxBatch, int maxAttempts, MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.maxBatch = maxBatch;
        this.maxAttempts = maxAttempts;
        this.batchSizes = DistributionSummary.builder("jangteo.coupon.issue.batch.size")
                                             .description("Claims decided and committed together")
                                             .publishPercentiles(0.5, 0.99)
                                             .register(meters);
        this.batchTimes = Timer.builder("jangteo.coupon.issue.batch.time")
                               .description("Deciding and committing one batch of claims, retries included")
                               .publishPercentiles(0.5, 0.99)
                               .register(meters);
        this.lostRaces = Counter.builder("jangteo.coupon.issue.lost.races")
                                .description("Batches retried because another instance wrote the coupon first")
                                .register(meters);
    }

    /** Queues a claim; the future completes with its outcome or fails as the command failed. */
    public CompletableFuture<IssueOutcome> issue(String couponId, IssueRequest request) {
        Claim claim = new Claim(request, new CompletableFuture<>());
        lanes.computeIfAbsent(couponId, Lane::new).offer(claim);
        return claim.outcome();
    }

    @Override
    public void close() {
        drainers.shutdown();
    }

    private record Claim(IssueRequest request, CompletableFuture<IssueOutcome> outcome) {
    }

    private final class Lane {

        private final String couponId;
        private final ConcurrentLinkedQueue<Claim> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        private Lane(String couponId) {
            this.couponId = couponId;
        }

        void offer(Claim claim) {
            queue.add(claim);
            if (draining.compareAndSet(false, true)) {
                drainers.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                List<Claim> batch = take();
                if (!batch.isEmpty()) {
                    decide(couponId, batch);
                    continue;
                }
                draining.set(false);
                if (queue.isEmpty()) {
                    // Idle lanes go, so that unknown coupon ids cannot pile up lanes.
                    lanes.remove(couponId, this);
                }
                // A claim offered after take() saw draining=true and started nothing: take it over, unless its
                // own offer() already started a drainer.
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }

        private List<Claim> take() {
            List<Claim> batch = new ArrayList<>();
            Claim claim;
            while (batch.size() < maxBatch && (claim = queue.poll()) != null) {
                batch.add(claim);
            }
            return batch;
        }
    }

    private void decide(String couponId, List<Claim> batch) {
        batchSizes.record(batch.size());
        batchTimes.record(() -> decideWithRetries(couponId, batch));
    }

    private void decideWithRetries(String couponId, List<Claim> batch) {
        IssueCouponCommand command;
        try {
            command = new IssueCouponCommand(couponId, batch.stream().map(Claim::request).toList());
        } catch (RuntimeException refused) {
            // Every claim must be answered: a claim left waiting would hold its caller until the time-out.
            batch.forEach(claim -> claim.outcome().completeExceptionally(refused));
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                MetaData origin = MetaData.with(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
                IssueCouponResult result = commandGateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(origin));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome().complete(result.outcomes().get(i));
                }
                return;
            } catch (RuntimeException failure) {
                if (attempt < maxAttempts && LostRaceRetry.isLostRace(failure)) {
                    lostRaces.increment();
                    pause(attempt);
                    continue;
                }
                batch.forEach(claim -> claim.outcome().completeExceptionally(failure));
                return;
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(LostRaceRetry.pauseMillis(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
