package dev.jangteo.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Which browser origins may call the API ({@code jangteo.cors.*}). No origin by default: only servers and tools that
 * ignore CORS (curl, other services) reach the API until origins are listed.
 */
@ConfigurationProperties("jangteo.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins,
                             @DefaultValue({"GET", "POST", "PUT", "DELETE"}) List<String> allowedMethods,
                             @DefaultValue({"Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id",
                                            "X-Consistency-Token"}) List<String> allowedHeaders,
                             @DefaultValue({"X-Consistency-Token", "X-Consistency", "X-Consistency-Position",
                                            "X-Replaying", "Retry-After", "Location", "Idempotency-Replayed",
                                            "X-Correlation-Id", "X-Trace-Id"}) List<String> exposedHeaders,
                             @DefaultValue("30m") Duration maxAge) {
}
