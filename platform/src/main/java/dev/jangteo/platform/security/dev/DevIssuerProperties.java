package dev.jangteo.platform.security.dev;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.time.Duration;

/**
 * The token issuer of the {@code local} and {@code loadtest} profiles ({@code jangteo.security.dev-issuer.*}): the
 * RSA private key (PKCS#8 PEM, the one {@code ./dev} generates) and how long its tokens live.
 */
@ConfigurationProperties("jangteo.security.dev-issuer")
record DevIssuerProperties(Resource privateKeyLocation, @DefaultValue("12h") Duration ttl) {
}
