package dev.jangteo.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code maxWait}: how long a read with a consistency token waits for its projection before answering stale. */
@ConfigurationProperties("jangteo.consistency")
record ConsistencyProperties(Duration maxWait) {
}
