package dev.jangteo.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens it has verified, so that a client sending the same bearer token again is not checked again:
 * parsing the token and its RS256 signature, then the claims, cost about a fifth of a query-side request's CPU
 * (docs/benchmarks.md, "Where an order's CPU goes"). A remembered token is handed back only while it has not
 * expired; at and after its {@code exp} it goes through {@code decoder} again, with the configured validators (and
 * their clock skew). Only tokens that passed are kept, at most {@code capacity}: past that the memory starts afresh.
 * JWTs cannot be revoked here either way, so nothing a token could do changes.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock, int capacity) {
        this.decoder = decoder;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())
                && (known.getNotBefore() == null || !now.isBefore(known.getNotBefore()))) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }
}
