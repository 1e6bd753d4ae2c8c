package dev.jangteo.platform.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * What the app's OpenAPI document says about itself ({@code jangteo.api-docs.*}): its title, version and description,
 * and a description of each tag. An endpoint's tag is its context, the package of its controller
 * ({@code dev.jangteo.query.ranking} → {@code ranking}).
 */
@ConfigurationProperties("jangteo.api-docs")
public record ApiDocsProperties(String title, String version, String description,
                                @DefaultValue Map<String, String> tags) {
}
