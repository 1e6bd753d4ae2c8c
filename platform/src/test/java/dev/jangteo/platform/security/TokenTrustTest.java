package dev.jangteo.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validators decide on tokens decoded as the apps decode them: signed, then parsed by Spring's Nimbus decoder. */
class TokenTrustTest {

    private static final TokenTrust TRUST = new TokenTrust("https://id.example", "jangteo");
    private static final KeyPair KEYS = rsa();

    @Test
    void canTakeATokenOfTheIssuerForThisApi() throws Exception {
        assertThat(decode(claims -> claims).getSubject()).isEqualTo("alice");
    }

    @Test
    void canTakeAnAudienceAmongSeveral() throws Exception {
        assertThat(decode(claims -> claims.audience(List.of("billing", "jangteo"))).getAudience())
                .contains("jangteo");
    }

    @Test
    void cannotTakeAnotherIssuersToken() {
        assertThatThrownBy(() -> decode(claims -> claims.issuer("https://id.example/other")))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }

    @Test
    void cannotTakeATokenWithoutIssuer() {
        assertThatThrownBy(() -> decode(claims -> claims.issuer(null)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }

    @Test
    void cannotTakeATokenForAnotherApi() {
        assertThatThrownBy(() -> decode(claims -> claims.audience("billing")))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void cannotTakeATokenWithoutAudience() {
        assertThatThrownBy(() -> decode(claims -> claims.audience((String) null)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void canNameWhatIsNotConfigured() {
        assertThat(new TokenTrust(null, " ").missing())
                .containsExactly(TokenTrust.ISSUER_PROPERTY, TokenTrust.AUDIENCE_PROPERTY);
        assertThat(TRUST.missing()).isEmpty();
    }

    @Test
    void canNameTheVariablesToSetWhenNoIssuerIsConfigured() {
        FailureAnalysis analysis = new MissingTokenTrustFailureAnalyzer().analyze(new BeanCreationException(
                "issuerIsTrusted", "failed", new MissingTokenTrustException(List.of(TokenTrust.ISSUER_PROPERTY))));

        assertThat(analysis.getDescription()).contains(TokenTrust.ISSUER_PROPERTY);
        assertThat(analysis.getAction()).contains("JANGTEO_SECURITY_JWT_ISSUER", "JANGTEO_SECURITY_JWT_AUDIENCE");
    }

    private static org.springframework.security.oauth2.jwt.Jwt decode(UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder()
                                                   .issuer(TRUST.issuer()).audience(TRUST.audience()).subject("alice")
                                                   .expirationTime(Date.from(Instant.now().plusSeconds(60))))
                                    .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(TRUST.issuerValidator(),
                                                                      TRUST.audienceValidator()));
        return decoder.decode(jwt.serialize());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
