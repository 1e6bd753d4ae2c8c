package dev.jangteo.platform.security.dev;

import dev.jangteo.platform.security.Role;
import dev.jangteo.platform.security.TokenTrust;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokenIssuerTest {

    private static final Instant NOW = Instant.now();
    private static final TokenTrust TRUST = new TokenTrust("jangteo-dev", "jangteo");

    @Test
    void canIssueATokenTheAppsVerify() throws Exception {
        KeyPair keys = rsa();
        DevTokenIssuer issuer = new DevTokenIssuer(properties(keys, Duration.ofHours(1)), TRUST,
                                                   Clock.fixed(NOW, ZoneOffset.UTC));

        DevTokenIssuer.Issued issued = issuer.issue("alice", List.of(Role.CLIENT, Role.ANALYST));
        Jwt jwt = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build().decode(issued.token());

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("jangteo-dev");
        assertThat(jwt.getAudience()).containsExactly("jangteo");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CLIENT", "ANALYST");
        assertThat(jwt.getExpiresAt()).isEqualTo(issued.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    void cannotStartWithoutAPrivateKey() {
        assertThatThrownBy(() -> new DevTokenIssuer(new DevIssuerProperties(null, Duration.ofHours(1)),
                                                    TRUST, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("private-key-location");
    }

    private static DevIssuerProperties properties(KeyPair keys, Duration ttl) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new DevIssuerProperties(new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII)), ttl);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
