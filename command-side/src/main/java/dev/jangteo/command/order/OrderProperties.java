package dev.jangteo.command.order;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param stepTimeout how long the payment saga waits for one step's answer (stock, coupon, funds) before it
 *                    rejects the order and compensates; also how often the cancellation saga re-sends what has not
 *                    been answered
 */
@ConfigurationProperties("jangteo.orders")
public record OrderProperties(Duration stepTimeout) {

    public OrderProperties {
        stepTimeout = stepTimeout == null ? Duration.ofSeconds(30) : stepTimeout;
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("jangteo.orders.step-timeout must be positive");
        }
    }
}
