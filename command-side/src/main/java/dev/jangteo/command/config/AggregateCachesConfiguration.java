package dev.jangteo.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Caches and snapshot triggers of the aggregates every order touches. One user may place thousands of orders (a
 * debit event each on their account) and a popular product takes a reservation per order, so both are cached and
 * snapshotted and a busy one loads in constant time. Orders are cached too: each saga step loads its order again.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateCachesConfiguration {

    @Bean
    public SnapshotTriggerDefinition accountSnapshotTrigger(
            Snapshotter snapshotter, @Value("${jangteo.accounts.snapshot-threshold:1000}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public Cache accountCache(@Value("${jangteo.accounts.cache-size:10000}") int size) {
        return new LruCache(size);
    }

    @Bean
    public SnapshotTriggerDefinition productSnapshotTrigger(
            Snapshotter snapshotter, @Value("${jangteo.products.snapshot-threshold:1000}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public Cache productCache(@Value("${jangteo.products.cache-size:10000}") int size) {
        return new LruCache(size);
    }

    /** An order is loaded again for each saga step (payment, rejection, cancellation); the cache spares the reads. */
    @Bean
    public Cache orderCache(@Value("${jangteo.orders.cache-size:10000}") int size) {
        return new LruCache(size);
    }
}
