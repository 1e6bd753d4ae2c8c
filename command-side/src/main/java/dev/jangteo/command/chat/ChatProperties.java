package dev.jangteo.command.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param snapshotThreshold events between two snapshots of a room
 * @param cacheSize         rooms kept in memory between commands
 */
@ConfigurationProperties("jangteo.chat")
public record ChatProperties(int snapshotThreshold, int cacheSize) {
}
