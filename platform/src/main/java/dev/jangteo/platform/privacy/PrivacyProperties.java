package dev.jangteo.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param createKeys whether this app makes a key for a data subject that has none: the command side, which appends
 *                   events, does; the query side only reads keys
 */
@ConfigurationProperties("jangteo.privacy")
public record PrivacyProperties(boolean createKeys) {
}
