package dev.jangteo.query.operations.replay;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.query.config.SegmentBalancer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replays a processing group: stop it, reset its tokens (its {@code @ResetHandler}s clear their stores first), start
 * it. A replay from a moment resets to the token Axon makes for that moment ({@code createTokenAt}: just before the
 * first event at or after it) and lets the reset handlers know ({@link ReplayStarts}), so they clear only what the
 * events after it will write again; a group with a projection that cannot be replayed that way is refused. A reset
 * claims every segment of the group, so the other query-side instances are asked to let go of theirs first
 * ({@link SegmentBalancer#takeAll}); they claim their share again once it has started.
 */
@Component
class Replays {

    private final ReplayStarts scope;
    private final ReplayRates rates;
    private final SegmentBalancer balancer;

    Replays(ReplayStarts scope, ReplayRates rates, SegmentBalancer balancer) {
        this.scope = scope;
        this.rates = rates;
        this.balancer = balancer;
    }

    /** Starts the replay; answers the position after which events are replayed (-1: from the first). */
    long replay(StreamingEventProcessor processor, Instant from) {
        String name = processor.getName();
        if (!processor.supportsReset()) {
            throw ApiException.conflict("REPLAY_NOT_SUPPORTED", "Processor " + name + " cannot replay");
        }
        if (from != null) {
            GroupHandlers.fullReplayOnly(processor).ifPresent(reason -> {
                throw ApiException.conflict("REPLAY_FROM_NOT_SUPPORTED", "Processor " + name
                        + " can only be replayed whole: " + reason);
            });
        }
        AtomicReference<Long> start = new AtomicReference<>(-1L);
        if (!balancer.takeAll(processor)) {
            throw busy(name, "another instance is resetting it");
        }
        processor.shutDown();
        try {
            if (from == null) {
                processor.resetTokens();
            } else {
                processor.resetTokens(source -> {
                    TrackingToken token = source.createTokenAt(from);
                    long position = token == null ? -1 : token.position().orElse(-1);
                    start.set(position);
                    scope.beginPartial(name, token);
                    return token;
                });
            }
            rates.started(name, start.get(), from);
        } catch (IllegalStateException | UnableToClaimTokenException e) {
            throw busy(name, "still claimed elsewhere: " + e.getMessage());
        } finally {
            scope.end(name);
            processor.start();
            balancer.release(processor);
        }
        return start.get();
    }

    private static ApiException busy(String name, String why) {
        return ApiException.conflict("PROCESSOR_BUSY", "Processor " + name + " is " + why);
    }
}
