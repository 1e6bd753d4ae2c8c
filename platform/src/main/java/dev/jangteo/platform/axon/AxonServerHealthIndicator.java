package dev.jangteo.platform.axon;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Health of the Axon Server connection under the {@code axonserver} profile, where Axon Server is the event store
 * and command router; the readiness group includes it there. Axon's own indicator is written against Spring Boot
 * 3's health API and does not register under Boot 4.
 */
@Component("axonServerHealthIndicator")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class AxonServerHealthIndicator implements HealthIndicator {

    private final AxonServerConnectionManager connections;

    public AxonServerHealthIndicator(AxonServerConnectionManager connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        Map<String, Boolean> contexts = connections.connections();
        boolean connected = !contexts.isEmpty() && contexts.values().stream().allMatch(Boolean::booleanValue);
        return (connected ? Health.up() : Health.down()).withDetail("contexts", contexts).build();
    }
}
