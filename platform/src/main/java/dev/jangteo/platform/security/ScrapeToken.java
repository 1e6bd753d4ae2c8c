package dev.jangteo.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The static bearer token Prometheus scrapes {@code /actuator/prometheus} with. A scraper holds one secret for as long
 * as it runs; a JWT would have to be re-minted by the issuer before each expiry, which Prometheus cannot do. The token
 * counts on that one path only ({@link SecurityConfiguration}); anywhere else it is an unreadable JWT, hence 401.
 * An ADMIN's JWT reads the metrics too, so without a configured token the endpoint is for ADMINs only.
 *
 * <p>{@code jangteo.metrics.scrape.token} gives the token, {@code jangteo.metrics.scrape.token-file} a file holding
 * it (a compose or Kubernetes secret; surrounding whitespace is ignored). The file is read once, at start.
 */
final class ScrapeToken implements AuthenticationProvider {

    static final String PATH = "/actuator/prometheus";
    static final String AUTHORITY = "ROLE_METRICS_SCRAPER";
    /** Shorter secrets are refused at start: a token that a scraper of the network could guess guards nothing. */
    static final int MIN_LENGTH = 16;

    @ConfigurationProperties("jangteo.metrics.scrape")
    record Properties(String token, Path tokenFile) {

        Optional<ScrapeToken> scrapeToken() {
            if (token != null && !token.isBlank() && tokenFile != null) {
                throw new IllegalStateException("Set jangteo.metrics.scrape.token or jangteo.metrics.scrape.token-file,"
                                                        + " not both");
            }
            String secret = tokenFile != null ? read(tokenFile) : token;
            if (secret == null || secret.isBlank()) {
                return Optional.empty();
            }
            if (secret.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("The metrics scrape token must have at least " + MIN_LENGTH
                                                        + " characters");
            }
            return Optional.of(new ScrapeToken(secret.strip()));
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read jangteo.metrics.scrape.token-file " + file, e);
            }
        }
    }

    private final byte[] digest;

    private ScrapeToken(String secret) {
        this.digest = sha256(secret);
    }

    /**
     * The scraper when the bearer token is this one, else nothing, so the next provider (the JWT decoder) judges it.
     * Digests are compared in constant time, so neither the length nor a prefix of the secret leaks through timing.
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!MessageDigest.isEqual(digest, sha256(presented))) {
            return null;
        }
        return new PreAuthenticatedAuthenticationToken("prometheus", null,
                                                       AuthorityUtils.createAuthorityList(AUTHORITY));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
