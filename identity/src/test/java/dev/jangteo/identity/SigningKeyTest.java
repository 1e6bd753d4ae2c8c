package dev.jangteo.identity;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @Test
    void canSignWithTheKeyOfAPemFile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        RSAKey key = SigningKey.of(new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII)));

        assertThat(key.toRSAPublicKey()).isEqualTo(pair.getPublic());
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    @Test
    void canMakeAKeyWhenNoneIsConfigured() {
        assertThat(SigningKey.of(null).isPrivate()).isTrue();
    }

    @Test
    void cannotStartWithAFileWithoutAKey() {
        assertThatThrownBy(() -> SigningKey.of(new ByteArrayResource("hello".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PKCS#8");
    }
}
