package dev.jangteo.query.order;

import dev.jangteo.query.consistency.ProjectionWatch;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wakes {@code GET /api/orders/{id}?wait=N} when the orders projection committed a change to that order. */
@Configuration(proxyBeanMethods = false)
class OrderWatchConfiguration {

    @Bean
    ConfigurerModule orderChanges(ProjectionWatch watch) {
        return watch.watching(OrderProjection.GROUP);
    }
}
