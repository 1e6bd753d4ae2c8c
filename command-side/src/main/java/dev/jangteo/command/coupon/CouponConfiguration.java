package dev.jangteo.command.coupon;

import dev.jangteo.command.config.LruCache;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CouponConfiguration {

    @Bean
    SnapshotTriggerDefinition couponSnapshotTrigger(Snapshotter snapshotter, CouponProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    @Bean
    Cache couponCache(CouponProperties properties) {
        return new LruCache(properties.cacheSize());
    }

    @Bean(destroyMethod = "close")
    CouponIssueDesk couponIssueDesk(CommandGateway commandGateway, CouponProperties properties,
                                    MeterRegistry meters) {
        return new CouponIssueDesk(commandGateway, properties.maxBatch(), properties.maxAttempts(), meters);
    }
}
