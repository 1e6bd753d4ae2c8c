package dev.jangteo.query.support;

import dev.jangteo.testkit.Jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Bearer tokens for the query side's integration tests: a key pair of the test JVM whose public key the app trusts
 * ({@link #publicKeyLocation()}), and tokens signed with it, as an identity provider would issue them.
 */
final class TestTokens {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Jwt KEYS = Jwt.generate();
    private static final Path PUBLIC_KEY = KEYS.writePublicKey(
            Path.of("target", "jwt", "query-it-" + UUID.randomUUID() + ".pem"));

    private TestTokens() {
    }

    /** Where the app reads the key it trusts ({@link Jwt#PUBLIC_KEY_PROPERTY}). */
    static String publicKeyLocation() {
        return "file:" + PUBLIC_KEY.toAbsolutePath();
    }

    /** The {@code iss} of these tokens, which the app is told to take ({@link Jwt#ISSUER_PROPERTY}). */
    static String issuer() {
        return KEYS.issuer();
    }

    /** The {@code aud} of these tokens ({@link Jwt#AUDIENCE_PROPERTY}). */
    static String audience() {
        return KEYS.audience();
    }

    static String of(String subject, String... roles) {
        Instant now = Instant.now();
        return KEYS.token(subject, now, now.plus(LIFETIME), roles);
    }
}
