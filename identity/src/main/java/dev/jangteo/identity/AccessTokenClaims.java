package dev.jangteo.identity;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An access token carries what the apps read: {@code roles}, the signed-in user's roles as a JSON array of names, and
 * {@code aud}, the API (not the client id the server would write). {@code sub} is the user name, {@code iss} and
 * {@code exp} come from the settings. ID tokens stay as OpenID Connect has them, for the console.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String ROLE_PREFIX = "ROLE_";

    private final IdentityProperties properties;

    AccessTokenClaims(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        List<String> roles = context.getPrincipal().getAuthorities().stream()
                                    .map(GrantedAuthority::getAuthority)
                                    .filter(authority -> authority.startsWith(ROLE_PREFIX))
                                    .map(authority -> authority.substring(ROLE_PREFIX.length()))
                                    .toList();
        context.getClaims().audience(List.of(properties.audience())).claim("roles", roles);
    }
}
