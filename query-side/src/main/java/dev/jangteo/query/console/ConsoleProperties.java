package dev.jangteo.query.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * How the console signs its users in. {@code oidc.issuer}: the OpenID Connect provider (its discovery document at
 * {@code <issuer>/.well-known/openid-configuration}) where the browser signs in with the authorization code flow and
 * PKCE, as the public client {@code oidc.client-id}; none configured, the console offers no such sign-in.
 * {@code dev-sign-in}: the local profile's sign-in without a provider (the app's own {@code POST /api/dev/tokens}).
 */
@ConfigurationProperties("jangteo.console")
record ConsoleProperties(@DefaultValue Oidc oidc, @DefaultValue("false") boolean devSignIn) {

    record Oidc(URI issuer, @DefaultValue("jangteo-console") String clientId,
                @DefaultValue("openid profile") String scope) {

        /** The issuer's origin (scheme, host and port), which the console's pages may connect to. */
        String origin() {
            if (issuer == null) {
                return null;
            }
            return issuer.getScheme() + "://" + issuer.getRawAuthority();
        }
    }
}
