package dev.jangteo.command.coupon;

import dev.jangteo.command.config.LruCache;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
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

    /**
     * The desk retries a lost batch itself, decided again with the claims that queued meanwhile and counted as a lost
     * race of the coupon, so its gateway is a plain one, without the gateway's own retry of lost races.
     */
    @Bean(destroyMethod = "close")
    CouponIssueDesk couponIssueDesk(CommandBus commandBus, CouponProperties properties, MeterRegistry meters) {
        return new CouponIssueDesk(DefaultCommandGateway.builder().commandBus(commandBus).build(),
                                   properties.maxBatch(), properties.maxAttempts(), meters);
    }
}
