package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private static final KeyPair KEYS = generate();
    private static final KeyPair FOREIGN_KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private Tokens() {
    }

    /** The Spring Boot argument that makes an app trust these tokens. */
    static String publicKeyArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + PUBLIC_KEY.toAbsolutePath();
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
        return sign(KEYS.getPrivate(), subject, roles, now, now.plus(LIFETIME));
    }

    /** A token whose lifetime ended five minutes ago, beyond any clock skew the apps allow. */
    static String expired(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(KEYS.getPrivate(), subject, roles, now.minus(LIFETIME), now.minus(Duration.ofMinutes(5)));
    }

    /** A well-formed token signed by a key the apps do not trust. */
    static String foreign(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(FOREIGN_KEYS.getPrivate(), subject, roles, now, now.plus(LIFETIME));
    }

    private static String sign(PrivateKey key, String subject, String[] roles, Instant issuedAt, Instant expiresAt) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"sub\":" + quote(subject)
                + ",\"roles\":[" + Arrays.stream(roles).map(Tokens::quote).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"jti\":" + quote(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Spring Boot argument that makes the command side's dev issuer (profiles {@code local} and
     * {@code loadtest}) sign with these tokens' key, so that its tokens and the tests' are alike.
     */
    static String privateKeyArgument() {
        Path file = write("private", "PRIVATE KEY", KEYS.getPrivate().getEncoded());
        return "--jangteo.security.dev-issuer.private-key-location=file:" + file.toAbsolutePath();
    }

    private static Path writePublicKey() {
        return write("public", "PUBLIC KEY", KEYS.getPublic().getEncoded());
    }

    private static Path write(String name, String label, byte[] der) {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        try {
            Path file = Path.of("target", "jwt", name + "-" + UUID.randomUUID() + ".pem");
            Files.createDirectories(file.getParent());
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
