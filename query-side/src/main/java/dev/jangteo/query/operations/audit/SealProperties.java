package dev.jangteo.query.operations.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The sealer ({@link Sealer}): on or off; how often it looks for new events when it has caught up; how many events
 * one transaction seals; and how long a gap in the global index must stay open before the sealer asks PostgreSQL
 * whether the transaction that took the position can still commit (see {@link GapWatch}); and how often the whole chain
 * is verified against the store for the metrics ({@link SealMetrics}).
 */
@ConfigurationProperties("jangteo.audit.seal")
record SealProperties(boolean enabled, Duration pollInterval, int batchSize, Duration gapGrace,
                      Duration verifyInterval) {
}
