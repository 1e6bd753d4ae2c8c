package dev.jangteo.command.web.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code jangteo.idempotency.*}.
 *
 * @param retention       how long a response stays replayable under its key
 * @param inFlightTimeout how long a first request may hold its key without an answer before a retry may take it
 *                        over (the instance that took it died); well above the command timeout of 10 s
 * @param cleanupInterval how often expired keys are deleted
 * @param heartbeatInterval how often each instance says it is alive
 * @param instanceTimeout   how long an instance may stay silent before retries take over its keys in flight
 */
@ConfigurationProperties("jangteo.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
                                    @DefaultValue("60s") Duration inFlightTimeout,
                                    @DefaultValue("10m") Duration cleanupInterval,
                                    @DefaultValue("1s") Duration heartbeatInterval,
                                    @DefaultValue("5s") Duration instanceTimeout) {
}
