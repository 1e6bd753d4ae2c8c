package dev.jangteo.command.chat;

import dev.jangteo.command.config.LruCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    SnapshotTriggerDefinition roomSnapshotTrigger(Snapshotter snapshotter, ChatProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    @Bean
    Cache roomCache(ChatProperties properties) {
        return new LruCache(properties.cacheSize());
    }
}
