package dev.jangteo.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose tokens the app takes ({@code jangteo.security.jwt.*}): the {@code iss} its identity provider writes and the
 * {@code aud} that names this API. A key shared by several issuers, or one issuer serving several APIs, would
 * otherwise let a token meant for something else in. Boot's own {@code issuer-uri} is not used: next to a
 * {@code public-key-location} it replaces the key by OpenID discovery at that address.
 */
@ConfigurationProperties("jangteo.security.jwt")
public record TokenTrust(String issuer, String audience) {

    static final String ISSUER_PROPERTY = "jangteo.security.jwt.issuer";
    static final String AUDIENCE_PROPERTY = "jangteo.security.jwt.audience";

    /** The unset properties, empty when both are given. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (issuer == null || issuer.isBlank()) {
            missing.add(ISSUER_PROPERTY);
        }
        if (audience == null || audience.isBlank()) {
            missing.add(AUDIENCE_PROPERTY);
        }
        return missing;
    }

    /** {@code iss} is exactly the configured issuer (absent fails). */
    OAuth2TokenValidator<Jwt> issuerValidator() {
        return new JwtIssuerValidator(issuer);
    }

    /** {@code aud}, a string or an array of them, names the configured audience (absent fails). */
    OAuth2TokenValidator<Jwt> audienceValidator() {
        OAuth2Error wrongAudience = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                                                    "The aud claim does not name " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrongAudience);
    }
}
