package dev.jangteo.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a request may carry, the same on both apps ({@code jangteo.http.*}). A body over
 * {@code maxBodySize} is refused with 413 before any controller reads it, with or without a Content-Length; the JSON
 * bounds are Jackson's stream read constraints, refused with 400.
 *
 * @param maxBodySize     the largest request body
 * @param maxJsonDepth    the deepest nesting of JSON arrays and objects
 * @param maxStringLength the longest JSON string value (every command field is bounded lower by its command)
 * @param maxNumberLength the most characters of a JSON number
 */
@ConfigurationProperties("jangteo.http")
public record HttpLimits(@DefaultValue("64KB") DataSize maxBodySize,
                         @DefaultValue("32") int maxJsonDepth,
                         @DefaultValue("16384") int maxStringLength,
                         @DefaultValue("64") int maxNumberLength) {
}
