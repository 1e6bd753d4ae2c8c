package dev.jangteo.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in with a real identity provider (the packaged {@code identity} app, Spring Authorization
 * Server) in a real browser: OpenID Connect authorization code with PKCE, the provider's own login page, and back
 * to the console, whose calls the API then takes with the provider's token. A wrong password gets no further than
 * the provider's page.
 */
class ConsoleSignOnIT {

    private static final int PROVIDER_PORT = IdentityProvider.freePort();
    private static final URI ISSUER = IdentityProvider.issuerAt(PROVIDER_PORT);

    @RegisterExtension
    static final StackExtension stack = new StackExtension(
            "consolesso", 1, IdentityProvider.appArguments(ISSUER).toArray(String[]::new))
            .withQueryArgs(queryArguments());

    private static IdentityProvider provider;
    private static Browser browser;

    private static String[] queryArguments() {
        List<String> arguments = new ArrayList<>(IdentityProvider.appArguments(ISSUER));
        arguments.add("--jangteo.console.oidc.issuer=" + ISSUER);
        return arguments.toArray(String[]::new);
    }

    @BeforeAll
    static void startProvider() {
        // The provider learns the console's address (its redirect URI and origin) once the query side has a port.
        String console = stack.query().resolve("/console/").toString();
        String origin = "http://" + stack.query().getRawAuthority();
        provider = IdentityProvider.start("console-sso", Tokens.privateKeyFile(), PROVIDER_PORT,
                                          "--jangteo.identity.console.redirect-uris=" + console,
                                          "--jangteo.identity.console.origins=" + origin);
        browser = Browser.laptop(ConsoleSignOnIT.class);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (provider != null) {
                provider.close();
            }
        }
    }

    @Test
    void signsInAtTheProviderWithPkceAndUsesItsToken() {
        browser.open(stack.query().resolve("/console/#/audit/feed"));
        assertThat(browser.driver().findElements(By.id("dev-sign-in"))).as("no dev sign-in by default").isEmpty();
        browser.screenshot("sign-in");
        browser.role("button", "Sign in with single sign-on").click();

        browser.waitUntil(d -> d.getCurrentUrl().startsWith(ISSUER.toString()));
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
        browser.screenshot("provider-login");
        signInAtProvider("auditor-park", "wrong-password");
        browser.waitUntil(d -> d.getCurrentUrl().contains("error"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(ISSUER.toString());
        browser.screenshot("provider-wrong-password");

        signInAtProvider("auditor-park", "park-demo");
        assertThat(browser.find(By.id("who-name")).getText()).isEqualTo("auditor-park");
        assertThat(browser.find(By.id("who-roles")).getText()).isEqualTo("AUDITOR");
        // Back where the user was going, with the provider's token accepted by the API.
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("#/audit/feed"));
        // The stack holds no events yet; the feed answering at all is the API taking the provider's token.
        assertThat(browser.find(By.id("feed-summary")).getText()).isEqualTo("No events match.");
        assertThat(browser.driver().findElement(By.id("alert")).isDisplayed()).isFalse();
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("code=");
        assertThat(browser.sessionStorage()).doesNotContainKey("jangteo.console.pkce");
        browser.screenshot("signed-in-with-sso");
    }

    private static void signInAtProvider(String user, String password) {
        WebElement name = browser.find(By.name("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.find(By.name("password"));
        secret.clear();
        secret.sendKeys(password);
        secret.submit();
    }
}
