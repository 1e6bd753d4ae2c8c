package dev.jangteo.system;

import dev.jangteo.testkit.OidcBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;

import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both apps behind the real identity provider: started with its JWKS, issuer and audience, they take the access token
 * a user gets by signing in as the console does (authorization code with PKCE), for what the user's roles allow, and
 * refuse a token signed by another key and one of another issuer signed by the provider's own key (it is given the
 * tests' key, whose tokens say {@code jangteo-dev}).
 */
class IdentityProviderIT {

    private static final String CLIENT = "jangteo-console";
    private static final String REDIRECT = "http://127.0.0.1:8082/console/";
    private static final IdentityProvider PROVIDER = IdentityProvider.start("identity-it", Tokens.privateKeyFile());

    @RegisterExtension
    static final StackExtension stack = new StackExtension("identity", 1,
                                                           PROVIDER.appArguments().toArray(String[]::new))
            .withQueryArgs(PROVIDER.appArguments().toArray(String[]::new));

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void canUseTheProvidersTokenOnBothApps() {
        String operator = new OidcBrowser(PROVIDER.issuer()).accessToken(CLIENT, REDIRECT, "operator-kim", "kim-demo");
        String shopper = new OidcBrowser(PROVIDER.issuer()).accessToken(CLIENT, REDIRECT, "alice", "alice-demo");

        for (URI app : apps()) {
            assertThat(Http.get(app.resolve("/actuator/mappings"), operator).status()).as("%s", app).isEqualTo(200);
            assertThat(Http.get(app.resolve("/actuator/mappings"), shopper).status()).as("%s", app).isEqualTo(403);
        }
    }

    @Test
    void cannotUseATokenOfAnotherKeyOrIssuer() {
        String otherKey = Tokens.foreign("operator-kim", "ADMIN");
        String otherIssuer = Tokens.of("operator-kim", "ADMIN");

        for (URI app : apps()) {
            assertProblem(Http.get(app.resolve("/actuator/mappings"), otherKey), 401, "UNAUTHENTICATED",
                          "another key on " + app);
            assertProblem(Http.get(app.resolve("/actuator/mappings"), otherIssuer), 401, "UNAUTHENTICATED",
                          "another issuer on " + app);
        }
    }

    private static List<URI> apps() {
        return List.of(stack.command(), stack.query());
    }
}
