package dev.jangteo.platform.security.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jangteo.platform.security.Role;
import dev.jangteo.platform.security.TokenTrust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 tokens for demo and load-test users with the dev private key, as the issuer and for the audience the
 * app takes ({@link TokenTrust}). Never present in the default profile.
 */
class DevTokenIssuer {

    private final RSASSASigner signer;
    private final DevIssuerProperties properties;
    private final TokenTrust trust;
    private final Clock clock;

    DevTokenIssuer(DevIssuerProperties properties, TokenTrust trust, Clock clock) {
        this.properties = properties;
        this.trust = trust;
        this.clock = clock;
        this.signer = new RSASSASigner(privateKey(properties));
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(String subject, List<Role> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.ttl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(trust.issuer())
                .audience(trust.audience())
                .subject(subject)
                .claim("roles", roles.stream().map(Role::name).toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a dev token", e);
        }
        return new Issued(jwt.serialize(), expiresAt);
    }

    private static PrivateKey privateKey(DevIssuerProperties properties) {
        if (properties.privateKeyLocation() == null || !properties.privateKeyLocation().exists()) {
            throw new IllegalStateException("jangteo.security.dev-issuer.private-key-location names no file ("
                                                    + properties.privateKeyLocation() + "): ./dev run generates the "
                                                    + "dev key pair into .local/keys/");
        }
        try (InputStream in = properties.privateKeyLocation().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            byte[] pkcs8 = Base64.getDecoder().decode(pem);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the dev private key (PKCS#8 PEM, RSA) at "
                                                    + properties.privateKeyLocation(), e);
        }
    }
}
