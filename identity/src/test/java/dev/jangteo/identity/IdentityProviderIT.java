package dev.jangteo.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;
import dev.jangteo.testkit.OidcBrowser;
import dev.jangteo.testkit.OidcBrowser.Pkce;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider as the console meets it, on a port of its own whose address is also its issuer: discovery, the
 * authorization code flow with PKCE driven request by request, the access token the apps will check, and the
 * cross-origin calls of the console's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"spring.profiles.active=demo", "jangteo.identity.token-lifetime=7m"})
class IdentityProviderIT {

    private static final int PORT = freePort();
    private static final String ISSUER = "http://127.0.0.1:" + PORT;
    private static final String CLIENT = "jangteo-console";
    private static final String REDIRECT = "http://127.0.0.1:8082/console/";
    private static final String CONSOLE_ORIGIN = "http://localhost:8082";

    private final OidcBrowser browser = new OidcBrowser(URI.create(ISSUER));

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("jangteo.identity.issuer", () -> ISSUER);
    }

    @Test
    void canDescribeItselfByDiscovery() {
        HttpResponse<String> discovery = browser.get("/.well-known/openid-configuration");

        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode document = JsonHttp.parse(discovery.body());
        assertThat(document.path("issuer").asText()).isEqualTo(ISSUER);
        assertThat(document.path("authorization_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(document.path("token_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(document.path("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(document.path("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void canSignInWithCodeAndPkceAndGetATokenTheAppsRead() {
        Pkce pkce = Pkce.make();
        String code = browser.authorizationCode(CLIENT, REDIRECT, pkce, "operator-kim", "kim-demo");

        HttpResponse<String> token = browser.exchange(CLIENT, REDIRECT, code, pkce.verifier());

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode answer = JsonHttp.parse(token.body());
        assertThat(answer.has("refresh_token")).isFalse();
        assertThat(answer.path("id_token").asText()).isNotBlank();
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build()
                                  .decode(answer.path("access_token").asText());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
        assertThat(jwt.getAudience()).containsExactly("jangteo");
        assertThat(jwt.getSubject()).isEqualTo("operator-kim");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrder("ADMIN", "AUDITOR");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(Duration.between(Instant.now(), jwt.getExpiresAt()))
                .isBetween(Duration.ofMinutes(6), Duration.ofMinutes(7));
    }

    @Test
    void cannotGetATokenWithAnotherVerifier() {
        String code = browser.authorizationCode(CLIENT, REDIRECT, Pkce.make(), "alice", "alice-demo");

        HttpResponse<String> token = browser.exchange(CLIENT, REDIRECT, code, Pkce.make().verifier());

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(JsonHttp.parse(token.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void cannotBeSentToAnUnregisteredRedirectUri() {
        assertThat(OidcBrowser.location(browser.signIn("alice", "alice-demo"))).doesNotContain("error");

        HttpResponse<String> authorize = browser.get(
                OidcBrowser.authorizePath(CLIENT, "https://evil.example/console/", Pkce.make(), "s"));

        assertThat(authorize.statusCode()).isEqualTo(400);
        assertThat(OidcBrowser.location(authorize)).doesNotContain("evil.example");
    }

    @Test
    void cannotGetACodeWithABadPassword() {
        HttpResponse<String> authorize = browser.get(OidcBrowser.authorizePath(CLIENT, REDIRECT, Pkce.make(), "s"));
        assertThat(OidcBrowser.location(authorize)).endsWith("/login");

        HttpResponse<String> signIn = browser.signIn("alice", "wrong");

        assertThat(OidcBrowser.location(signIn)).endsWith("/login?error");
        HttpResponse<String> again = browser.get(OidcBrowser.authorizePath(CLIENT, REDIRECT, Pkce.make(), "s"));
        assertThat(OidcBrowser.location(again)).endsWith("/login").doesNotContain("code=");
    }

    @Test
    void canBeFetchedFromTheConsolesOriginOnly() {
        HttpResponse<String> preflight = browser.send(preflight("/oauth2/token", CONSOLE_ORIGIN));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE_ORIGIN);
        for (String path : List.of("/oauth2/jwks", "/.well-known/openid-configuration")) {
            HttpResponse<String> fetched = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + path))
                                                                   .header("Origin", CONSOLE_ORIGIN).GET());
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.headers().firstValue("Access-Control-Allow-Origin")).as(path)
                                                                                   .hasValue(CONSOLE_ORIGIN);
        }
        HttpResponse<String> foreign = browser.send(preflight("/oauth2/token", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /** A CORS preflight from a page of {@code origin} that wants to POST a form to {@code path}. */
    private static HttpRequest.Builder preflight(String path, String origin) {
        return HttpRequest.newBuilder(URI.create(ISSUER + path))
                          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                          .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                          .header("Access-Control-Request-Headers", "content-type");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
