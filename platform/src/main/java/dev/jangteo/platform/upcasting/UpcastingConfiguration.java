package dev.jangteo.platform.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upcasters of stored events, for both apps: Axon puts every {@link EventUpcaster} bean into the upcaster chain
 * of the event store, so the command side loads aggregates and the query side feeds its processors and the audit API
 * with events in their current shape.
 */
@Configuration(proxyBeanMethods = false)
public class UpcastingConfiguration {

    @Bean
    public EventUpcaster accountOpenedUpcaster() {
        return new AccountOpenedUpcaster();
    }
}
