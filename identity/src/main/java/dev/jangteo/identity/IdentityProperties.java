package dev.jangteo.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.time.Duration;
import java.util.List;

/**
 * The provider's configuration ({@code jangteo.identity.*}).
 *
 * @param issuer             the {@code iss} of its tokens and the base of its endpoints, as browsers reach it
 * @param audience           the {@code aud} of its access tokens: the apps' {@code jangteo.security.jwt.audience}
 * @param tokenLifetime      how long an access token is good for
 * @param signingKeyLocation an RSA private key (PKCS#8 PEM); without one a key is made at start
 * @param console            the one client: the console in the browser
 * @param users              who may sign in; none in the default profile (the {@code demo} profile has four)
 */
@ConfigurationProperties("jangteo.identity")
public record IdentityProperties(@DefaultValue("http://127.0.0.1:9000") String issuer,
                                 @DefaultValue("jangteo") String audience,
                                 @DefaultValue("10m") Duration tokenLifetime,
                                 Resource signingKeyLocation,
                                 @DefaultValue Console console,
                                 @DefaultValue List<User> users) {

    /**
     * The console: a public client (a page cannot keep a secret), so it signs in with the authorization code and
     * PKCE, and is sent back only to these addresses.
     *
     * @param origins where its pages are served from: the origins allowed to fetch the token, key and user endpoints
     */
    public record Console(@DefaultValue("jangteo-console") String clientId,
                          @DefaultValue({"http://127.0.0.1:8082/console/", "http://localhost:8082/console/"})
                          List<String> redirectUris,
                          @DefaultValue({"http://127.0.0.1:8082/console/", "http://localhost:8082/console/"})
                          List<String> postLogoutRedirectUris,
                          @DefaultValue({"http://127.0.0.1:8082", "http://localhost:8082"}) List<String> origins) {
    }

    /**
     * A user who may sign in.
     *
     * @param password encoded with its scheme, {@code {bcrypt}...} (or {@code {noop}...} for demos)
     */
    public record User(String name, String password, List<Role> roles) {
    }
}
