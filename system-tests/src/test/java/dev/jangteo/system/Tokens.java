package dev.jangteo.system;

import dev.jangteo.testkit.Jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens for the system tests, as an identity provider would issue them: RS256 JWTs with the user id as
 * {@code sub} and the roles in {@code roles}, of the dev issuer and audience. The key pair is made in the test JVM;
 * {@link Stack} gives both apps the public key, the issuer and the audience ({@link #trustArguments()}), so the apps
 * verify these tokens exactly as they would a real issuer's.
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

    /** The Spring Boot arguments that make an app trust these tokens: the key, the issuer and the audience. */
    static List<String> trustArguments() {
        return KEYS.trustArguments(PUBLIC_KEY);
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

    /** A token the trusted key signed, but as another identity provider: {@code iss} is not the apps' issuer. */
    static String otherIssuer(String subject, String... roles) {
        Instant now = Instant.now();
        return KEYS.withIssuer("https://elsewhere.example").token(subject, now, now.plus(LIFETIME), roles);
    }

    /** A token of the trusted key and issuer meant for another API: {@code aud} does not name the apps. */
    static String otherAudience(String subject, String... roles) {
        Instant now = Instant.now();
        return KEYS.withAudience("billing").token(subject, now, now.plus(LIFETIME), roles);
    }

    /**
     * The Spring Boot argument that makes the dev issuer (profiles {@code local} and
     * {@code loadtest}, both apps) sign with these tokens' key, so that its tokens and the tests' are alike.
     */
    static String privateKeyArgument() {
        return "--jangteo.security.dev-issuer.private-key-location=file:" + privateKeyFile().toAbsolutePath();
    }

    /** These tokens' private key as PKCS#8 PEM, in a new file (for a signer started by a test). */
    static Path privateKeyFile() {
        return KEYS.writePrivateKey(pemFile("private"));
    }

    /** A new file under {@code target/jwt}: each test JVM writes its own keys. */
    private static Path pemFile(String name) {
        return Path.of("target", "jwt", name + "-" + UUID.randomUUID() + ".pem");
    }
}
