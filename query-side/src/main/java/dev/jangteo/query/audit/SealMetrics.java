package dev.jangteo.query.audit;

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
 * NaN while sealing is disabled or, like the {@link Sealer}, off where the event table is not the store
 * ({@link EventTableRule}).
 */
@Component
class SealMetrics implements RefreshedMetrics {

    private final SealChain chain;
    private final EventTable events;
    private final ChainVerifier verifier;
    private final SealProperties properties;
    private final EventTableRule table;
    private final Clock clock;
    private volatile double behindEvents = Double.NaN;
    private volatile double lagSeconds = Double.NaN;
    private volatile double verified = Double.NaN;
    private Instant lastVerification;

    SealMetrics(SealChain chain, EventTable events, ChainVerifier verifier, SealProperties properties,
                EventTableRule table, MeterRegistry meters) {
        this.chain = chain;
        this.events = events;
        this.verifier = verifier;
        this.properties = properties;
        this.table = table;
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
        if (!properties.enabled() || !table.holdsTheEvents()) {
            return;
        }
        SealChain.SealStatus status = chain.status(events.head());
        behindEvents = status.behind();
        lagSeconds = events.firstTimeAfter(status.sealedPosition())
                           .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis()) / 1000.0)
                           .orElse(0.0);
        Instant now = clock.instant();
        if (lastVerification == null || !now.isBefore(lastVerification.plus(properties.verifyInterval()))) {
            verified = verifier.verify(1, Long.MAX_VALUE).verified() ? 1 : 0;
            lastVerification = now;
        }
    }
}
