package dev.jangteo.query.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens for the query side's integration tests: a key pair of the test JVM whose public key the app trusts
 * ({@link #publicKeyLocation()}), and tokens signed with it, as an identity provider would issue them.
 */
final class TestTokens {

    private static final RSAKey KEY = generate();
    private static final String PUBLIC_KEY_LOCATION = writePublicKey();

    private TestTokens() {
    }

    static String publicKeyLocation() {
        return PUBLIC_KEY_LOCATION;
    }

    static String of(String subject, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                                                        .issueTime(Date.from(now))
                                                        .expirationTime(Date.from(now.plusSeconds(3_600)))
                                                        .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as PEM (X.509 SubjectPublicKeyInfo), where Spring Boot's public-key-location reads it. */
    private static String writePublicKey() {
        try {
            byte[] der = KEY.toRSAPublicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
            Path file = Files.createDirectories(Path.of("target", "jwt"))
                             .resolve("query-it-" + UUID.randomUUID() + ".pem");
            return "file:" + Files.writeString(file, pem, StandardCharsets.US_ASCII).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
