package dev.jangteo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does when the console signs in at the identity provider, request by request: cookies kept,
 * redirects looked at rather than followed, forms posted as {@code application/x-www-form-urlencoded}. GET authorize
 * (with a PKCE challenge) sends to the login page; its form is posted with its CSRF token; authorize again answers with
 * a redirect to the client's URI carrying the code and state; the code and the PKCE verifier buy the tokens.
 */
public final class OidcBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                              .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI issuer;

    public OidcBrowser(URI issuer) {
        this.issuer = issuer;
    }

    /** A PKCE pair: a random verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce make() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                                           .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public HttpResponse<String> get(String pathOrUri) {
        return send(HttpRequest.newBuilder(issuer.resolve(pathOrUri)).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(issuer.resolve(path))
                               .header("Content-Type", "application/x-www-form-urlencoded")
                               .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** Any request, with this browser's cookies. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The authorize request's path and query for {@code clientId}, scopes {@code openid profile}. */
    public static String authorizePath(String clientId, String redirectUri, Pkce pkce, String state) {
        return "/oauth2/authorize?response_type=code&client_id=" + encode(clientId) + "&scope="
                + encode("openid profile") + "&redirect_uri=" + encode(redirectUri) + "&code_challenge="
                + pkce.challenge() + "&code_challenge_method=S256&state=" + encode(state);
    }

    /** Signs in on the login page (GET it for its CSRF token, POST the form); answers the POST's response. */
    public HttpResponse<String> signIn(String user, String password) {
        HttpResponse<String> page = get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page: " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put("_csrf", csrf.group(1));
        return post("/login", form);
    }

    /**
     * The whole sign-in up to the code: authorize, which sends to the login page, sign in, authorize again; the code
     * the redirect to {@code redirectUri} carries, after checking that it carries the state back.
     *
     * @throws IllegalStateException when a step answers other than a signed-in browser expects
     */
    public String authorizationCode(String clientId, String redirectUri, Pkce pkce, String user, String password) {
        String state = UUID.randomUUID().toString();
        HttpResponse<String> authorize = get(authorizePath(clientId, redirectUri, pkce, state));
        expect(authorize, location(authorize).endsWith("/login"), "authorize sends to the login page");
        HttpResponse<String> signedIn = signIn(user, password);
        expect(signedIn, location(signedIn).contains("/oauth2/authorize"), "signing in resumes authorize");
        HttpResponse<String> redirect = get(location(signedIn));
        String back = location(redirect);
        expect(redirect, back.startsWith(redirectUri), "authorize sends back to " + redirectUri);
        Map<String, String> parameters = query(back);
        expect(redirect, state.equals(parameters.get("state")) && parameters.containsKey("code"),
               "the redirect carries a code and the state");
        return parameters.get("code");
    }

    /** POST token: the code and the verifier for the tokens (a public client: its id, no secret). */
    public HttpResponse<String> exchange(String clientId, String redirectUri, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        return post("/oauth2/token", form);
    }

    /** The access token of {@code user}, got as the console gets it. */
    public String accessToken(String clientId, String redirectUri, String user, String password) {
        Pkce pkce = Pkce.make();
        String code = authorizationCode(clientId, redirectUri, pkce, user, password);
        HttpResponse<String> token = exchange(clientId, redirectUri, code, pkce.verifier());
        expect(token, token.statusCode() == 200, "the token endpoint answers 200");
        return JsonHttp.parse(token.body()).path("access_token").asText();
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The query parameters of {@code uri}, decoded. */
    public static Map<String, String> query(String uri) {
        String query = URI.create(uri).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                               kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                     .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void expect(HttpResponse<String> response, boolean held, String what) {
        if (!held) {
            throw new IllegalStateException("Expected: " + what + "; got " + response.statusCode() + " "
                                                    + response.request().uri() + " Location: " + location(response)
                                                    + " " + response.body());
        }
    }
}
