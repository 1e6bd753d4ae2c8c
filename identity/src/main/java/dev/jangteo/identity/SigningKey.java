package dev.jangteo.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key the tokens are signed with (RS256), published at the JWKS endpoint with its thumbprint as key id. From a
 * PKCS#8 PEM file when one is configured, so tokens outlive a restart and several instances agree; otherwise made at
 * start, which is fine for a dev run and says so.
 */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {
    }

    static RSAKey of(Resource location) {
        if (location == null) {
            RSAKey generated = jwk(generate());
            log.info("No jangteo.identity.signing-key-location: signing with an RSA key generated at start (kid {}); "
                             + "tokens signed before a restart will not verify after it", generated.getKeyID());
            return generated;
        }
        RSAKey loaded = jwk(read(location));
        log.info("Signing with the RSA key of {} (kid {})", location, loaded.getKeyID());
        return loaded;
    }

    private static RSAKey jwk(KeyPair pair) {
        try {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                                                                            .keyUse(KeyUse.SIGNATURE)
                                                                            .algorithm(JWSAlgorithm.RS256).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot take the thumbprint of the signing key", e);
        }
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

    private static KeyPair read(Resource location) {
        try (InputStream in = location.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
                throw new IllegalStateException(location + " holds no RSA key with its public exponent");
            }
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())),
                               key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the signing key (PKCS#8 PEM, RSA) at " + location, e);
        }
    }
}
