package dev.jangteo.system;

import dev.jangteo.testkit.Jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Bearer tokens for the system tests, as an identity provider would issue them: RS256 JWTs with the user id as
 * {@code sub} and the roles in {@code roles}. The key pair is made in the test JVM; {@link Stack} gives both apps the
 * public key ({@link #publicKeyArgument()}), so the apps verify these tokens exactly as they would a real issuer's.
 */
final class Tokens {

    static final String ADMIN = "ops-admin";
    static final String ANALYST = "data-analyst";
    static final String AUDITOR = "the-auditor";

    private static final Duration LIFETIME = Duration.ofHours(2);
    private static final Jwt KEYS = Jwt.generate();
    private static final Jwt FOREIGN_KEYS = Jwt.generate();
    private static final Path PUBLIC_KEY = KEYS.writePublicKey(pemFile("public"));

    private Tokens() {
    }

    /** The Spring Boot argument that makes an app trust these tokens. */
    static String publicKeyArgument() {
        return Jwt.publicKeyArgument(PUBLIC_KEY);
    }

    /** A shopper acting for itself. */
    static String client(String userId) {
        return of(userId, "CLIENT");
    }

    static String admin() {
        return of(ADMIN, "ADMIN");
    }

    static String analyst() {
        return of(ANALYST, "ANALYST");
    }

    static String auditor() {
        return of(AUDITOR, "AUDITOR");
    }

    static String of(String subject, String... roles) {
        Instant now = Instant.now();
        return KEYS.token(subject, now, now.plus(LIFETIME), roles);
    }

    /** A token whose lifetime ended five minutes ago, beyond any clock skew the apps allow. */
    static String expired(String subject, String... roles) {
        Instant now = Instant.now();
        return KEYS.token(subject, now.minus(LIFETIME), now.minus(Duration.ofMinutes(5)), roles);
    }

    /** A well-formed token signed by a key the apps do not trust. */
    static String foreign(String subject, String... roles) {
        Instant now = Instant.now();
        return FOREIGN_KEYS.token(subject, now, now.plus(LIFETIME), roles);
    }

    /**
     * The Spring Boot argument that makes the command side's dev issuer (profiles {@code local} and
     * {@code loadtest}) sign with these tokens' key, so that its tokens and the tests' are alike.
     */
    static String privateKeyArgument() {
        Path file = KEYS.writePrivateKey(pemFile("private"));
        return "--jangteo.security.dev-issuer.private-key-location=file:" + file.toAbsolutePath();
    }

    /** A new file under {@code target/jwt}: each test JVM writes its own keys. */
    private static Path pemFile(String name) {
        return Path.of("target", "jwt", name + "-" + UUID.randomUUID() + ".pem");
    }
}
