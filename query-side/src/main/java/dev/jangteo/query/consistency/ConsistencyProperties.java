package dev.jangteo.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code maxWait}: how long a read with a consistency token waits for its projection before answering stale.
 * {@code watchRecheck}: how often a long poll ({@link ProjectionWatch}) reads again while another instance may
 * commit its change; {@code watchRecheckOwnSegment}: how often while this instance processes the aggregate's segment
 * (its own commit wakes the poll).
 */
@ConfigurationProperties("jangteo.consistency")
record ConsistencyProperties(Duration maxWait,
                             @DefaultValue("250ms") Duration watchRecheck,
                             @DefaultValue("2s") Duration watchRecheckOwnSegment) {
}
