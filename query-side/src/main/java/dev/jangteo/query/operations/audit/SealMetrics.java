package dev.jangteo.query.operations.audit;

import dev.jangteo.platform.metrics.RefreshedMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The seal chain as gauges: how many events of the store are not sealed yet and how long the oldest of them has
 * waited (what {@code GET /api/audit/seal} answers), and whether the last verification of the whole chain
 * ({@code GET /api/audit/verify}, every {@code jangteo.audit.seal.verify-interval}) found the store as sealed.
 * NaN while sealing is disabled. Whatever the store ({@link StoredEventsRule}); under Axon Server the verification
 * reads every event from it.
 */
@Component
class SealMetrics implements RefreshedMetrics {

    private final SealChain chain;
    private final StoredEventsRule store;
    private final ChainVerifier verifier;
    private final SealProperties properties;
    private final Clock clock;
    private volatile double behindEvents = Double.NaN;
    private volatile double lagSeconds = Double.NaN;
    private volatile double verified = Double.NaN;
    private Instant lastVerification;

    SealMetrics(SealChain chain, StoredEventsRule store, ChainVerifier verifier, SealProperties properties,
                MeterRegistry meters) {
        this.chain = chain;
        this.store = store;
        this.verifier = verifier;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        Gauge.builder("jangteo.audit.seal.behind.events", this, metrics -> metrics.behindEvents)
             .description("Events in the store that the seal chain does not cover yet")
             .register(meters);
        Gauge.builder("jangteo.audit.seal.lag.seconds", this, metrics -> metrics.lagSeconds)
             .description("How long the oldest event not sealed yet has waited (0: all sealed)")
             .register(meters);
        Gauge.builder("jangteo.audit.seal.verified", this, metrics -> metrics.verified)
             .description("1 when the last verification of the whole chain matched the store, 0 when it did not")
             .register(meters);
    }

    @Override
    public void refresh() {
        if (!properties.enabled()) {
            return;
        }
        StoredEvents events = store.events();
        SealChain.SealStatus status = chain.status(events);
        behindEvents = status.behind();
        lagSeconds = events.firstTimeAfter(status.sealedPosition())
                           .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis()) / 1000.0)
                           .orElse(0.0);
        Instant now = clock.instant();
        if (lastVerification == null || !now.isBefore(lastVerification.plus(properties.verifyInterval()))) {
            verified = verifier.verifyAll().verified() ? 1 : 0;
            lastVerification = now;
        }
    }
}
