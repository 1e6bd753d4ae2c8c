package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser (headless Chromium, {@link Browser}) against the real apps: each role signs in and
 * sees only its pages, the API refuses what the page is tricked into asking, an order's timeline and its state as
 * of a moment, the feed with its filter and export, verify pointing at a tampered event, a replay watched live to
 * its end and recorded with the operator's name, a dead letter retried, rankings, sales and coupon uptake, and the
 * pages on a phone. Every page is kept as a screenshot under {@code target/screenshots/ConsoleIT/}.
 */
class ConsoleIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("console", 1)
            .withQueryArgs("--spring.profiles.include=loadtest", Tokens.privateKeyArgument(),
                           "--jangteo.console.dev-sign-in=true");

    private static final String ALICE = Shop.unique("alice");
    private static Browser browser;
    private static String product;
    private static String coupon;
    private static String order;

    @BeforeAll
    static void scenario() {
        Shop.openAccount(stack.command(), ALICE, 100_000);
        product = Shop.product(stack.command(), 7_000, 20);
        coupon = CouponRace.define(stack.command(), 10);
        assertThat(CouponRace.claim(stack.command(), coupon, ALICE).status()).isEqualTo(201);
        order = Shop.order(stack.command(), ALICE, product, 3, coupon);
        Shop.awaitStatus(stack.query(), order, Set.of("PAID"));
        Operators.awaitCaughtUp(stack.query());
        browser = Browser.laptop(ConsoleIT.class);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshTab() {
        browser.reset();
    }

    @AfterEach
    void noUnexpectedErrors() {
        browser.checkConsole();
    }

    @Test
    void showsEachRoleOnlyItsPages() {
        Map<String, List<String>> pages = Map.of(
                "CLIENT", List.of("Rankings"),
                "ANALYST", List.of("Rankings", "Product sales", "Coupon uptake"),
                "AUDITOR", List.of("Event feed", "Aggregate timeline", "Seal and verify"),
                "ADMIN", List.of("Processing groups", "Dead letters", "Operator actions", "Rankings", "Product sales",
                                 "Coupon uptake"));
        pages.forEach((role, titles) -> {
            browser.reset();
            signIn(browser, role.toLowerCase() + "-user", role);
            assertThat(navigation()).as(role).containsExactlyElementsOf(titles);
            assertThat(browser.find(By.id("who-roles")).getText()).isEqualTo(role);
            browser.screenshot("home-" + role.toLowerCase());
        });

        browser.reset();
        signIn(browser, ALICE, "CLIENT");
        browser.open(stack.query().resolve("/console/#/audit/feed"));
        assertThat(browser.find(By.id("not-allowed")).getText()).contains("needs the role AUDITOR");
        browser.screenshot("not-allowed");
    }

    @Test
    void signsInWithTheKeyboardAlone() {
        browser.open(stack.query().resolve("/console/"));
        WebElement name = browser.labelled("User name");
        name.clear(); // leaves the focus nowhere: click after, as a user would
        name.click();
        browser.press("keyboard-auditor", Keys.TAB);   // to CLIENT
        browser.press(Keys.TAB, Keys.TAB, Keys.SPACE); // to AUDITOR, ticked
        browser.press(Keys.TAB, Keys.TAB, Keys.ENTER); // past ADMIN, to the button
        assertThat(browser.find(By.id("who-name")).getText()).isEqualTo("keyboard-auditor");
        assertThat(navigation()).containsExactly("Event feed", "Aggregate timeline", "Seal and verify");
        assertThat(unnamedControls()).isEmpty();
    }

    @Test
    void leavesTheDecisionToTheApi() {
        signIn(browser, ALICE, "CLIENT");
        // A page tricked into believing it may: the roles in the tab say ADMIN, the token still says CLIENT.
        browser.script("const s = JSON.parse(sessionStorage.getItem('jangteo.console.session'));"
                               + "s.roles = ['ADMIN']; sessionStorage.setItem('jangteo.console.session', JSON.stringify(s));");
        browser.expectConsoleError("403");
        browser.open(stack.query().resolve("/console/#/ops/dead-letters"));
        browser.driver().navigate().refresh();
        WebElement alert = browser.find(By.id("alert"));
        assertThat(alert.getText()).contains("403", "FORBIDDEN");
        assertThat(browser.driver().findElements(By.id("dead-letter-total"))).isEmpty();
        browser.screenshot("refused-by-the-api");
    }

    @Test
    void walksAnOrdersTimelineAndItsStateAsOfAMoment() {
        signIn(browser, "auditor-park", "AUDITOR");
        browser.open(stack.query().resolve("/console/#/audit/aggregate/" + order));
        WebElement slider = browser.labelled("Version");
        assertThat(browser.find(By.id("aggregate-summary")).getText()).startsWith("Order " + order);
        assertThat(browser.driver().findElements(By.cssSelector("#timeline li"))).hasSize(2);
        browser.waitUntil(d -> d.findElement(By.id("state-json")).getText().contains("\"PAID\""));
        browser.screenshot("timeline-paid");

        slider.sendKeys(Keys.HOME);
        browser.waitUntil(d -> d.findElement(By.id("version-label")).getText().startsWith("Version 0 of 1"));
        browser.waitUntil(d -> d.findElement(By.id("state-json")).getText().contains("\"PENDING\""));
        slider.sendKeys(Keys.END);
        browser.waitUntil(d -> d.findElement(By.id("state-json")).getText().contains("\"PAID\""));
        WebElement changed = browser.find(By.cssSelector("#version-detail table"));
        assertThat(changed.getText()).contains("status", "\"PENDING\"", "\"PAID\"");
        browser.screenshot("timeline-what-changed");

        // As of a moment: now answers the latest version; before the order existed, a clear refusal.
        setValue(browser.labelled("State as of (UTC)"), "2100-01-01T00:00:00");
        browser.role("button", "Show state").click();
        String asOf = browser.waitUntil(d -> {
            String shown = d.findElement(By.id("as-of-result")).getText() + d.findElement(By.id("alert")).getText();
            return shown.isEmpty() ? null : shown;
        });
        assertThat(asOf).contains("As of 2100-01-01 00:00:00 UTC: version 1.");
        browser.expectConsoleError("404");
        setValue(browser.labelled("State as of (UTC)"), "2001-01-01T00:00:00");
        browser.role("button", "Show state").click();
        assertThat(browser.find(By.id("alert")).getText()).contains("404", "AGGREGATE_NOT_FOUND");
        browser.screenshot("timeline-as-of-before");
    }

    @Test
    void filtersPagesAndExportsTheFeed() {
        signIn(browser, "auditor-park", "AUDITOR");
        browser.open(stack.query().resolve("/console/#/audit/feed"));
        new Select(browser.labelled("Aggregate type")).selectByVisibleText("Order");
        new Select(browser.labelled("Per page")).selectByVisibleText("20");
        browser.role("button", "Show").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("aggregateType=Order"));
        List<String> aggregates = browser.waitUntil(d -> {
            List<String> cells = d.findElements(By.cssSelector("#feed-results tbody tr td:nth-child(3)")).stream()
                                  .map(WebElement::getText).toList();
            return cells.isEmpty() ? null : cells;
        });
        assertThat(aggregates).isNotEmpty().allMatch(text -> text.startsWith("Order "));
        assertThat(aggregates).contains("Order " + order);
        browser.screenshot("feed-orders");

        browser.role("button", "Export NDJSON").click();
        String link = browser.find(By.id("feed-export-link")).getText();
        assertThat(link).isEqualTo("Download " + aggregates.size() + " events (NDJSON)");
        assertThat(browser.focused().getText()).isEqualTo(link);
    }

    @Test
    void pointsVerifyAtTheTamperedEvent() throws Exception {
        assumeTrue(Stack.eventsAreInPostgres(), "the events are tampered with in PostgreSQL");
        awaitSealed();
        long position = Tamper.positionOf(stack.get(), order, 0);
        Tamper.Row original = Tamper.read(stack.get(), position);
        signIn(browser, "auditor-park", "AUDITOR");
        browser.open(stack.query().resolve("/console/#/audit/seal"));
        browser.role("button", "Verify").click();
        assertThat(browser.find(By.cssSelector("#verify-verdict.ok")).getText()).startsWith("Verified");

        // One byte more in the stored payload: the same JSON to a reader, not the bytes that were sealed.
        Tamper.setPayload(stack.get(), position, (new String(original.payload(), StandardCharsets.UTF_8) + " ")
                .getBytes(StandardCharsets.UTF_8));
        try {
            browser.role("button", "Verify").click();
            assertThat(browser.find(By.cssSelector("#verify-verdict.bad")).getText())
                    .isEqualTo("Not as sealed: first mismatch at position " + position + " (EVENT_CHANGED).");
            browser.screenshot("verify-tampered");
            browser.find(By.id("verify-first-mismatch")).click();
            assertThat(browser.find(By.id("feed-summary")).getText()).startsWith("Positions " + position + " to ");
        } finally {
            Tamper.setPayload(stack.get(), position, original.payload());
        }
    }

    @Test
    void replaysAGroupWatchedLiveToItsEnd() {
        String operator = Shop.unique("operator");
        signIn(browser, operator, "ADMIN");
        browser.open(stack.query().resolve("/console/#/ops/processors"));
        browser.waitUntil(d -> d.findElement(By.id("processors-live")).getText().startsWith("Live"));
        String firstUpdate = browser.find(By.id("processors-live")).getText();
        browser.screenshot("processors");

        browser.find(By.cssSelector("button[data-replay='orders']")).click();
        assertThat(browser.find(By.id("confirm-title")).getText()).isEqualTo("Replay orders?");
        browser.find(By.id("confirm-ok")).click();
        assertThat(browser.find(By.id("replay-started")).getText()).startsWith("Replay of orders started");
        // The server pushes the status every second; the page shows the group back at the head, caught up.
        browser.waitUntil(d -> !d.findElement(By.id("processors-live")).getText().equals(firstUpdate));
        browser.waitUntil(d -> {
            String row = ordersRow().getText();
            return row.contains("caught up") && !row.contains("%");
        });
        JsonNode orders = Http.get(stack.query().resolve("/api/admin/processors/orders"), Tokens.admin()).body();
        assertThat(ordersRow().getText()).contains(String.format(Locale.ENGLISH, "%,d", orders.path("head").asLong()));
        browser.screenshot("processors-after-replay");

        browser.find(By.cssSelector("button[data-verify='orders']")).click();
        browser.find(By.id("confirm-ok")).click();
        assertThat(browser.find(By.id("verify-replay-result")).getText())
                .contains("orders: the replay built exactly the live read model");

        browser.open(stack.query().resolve("/console/#/ops/actions"));
        String actions = browser.find(By.cssSelector("#main table")).getText();
        assertThat(actions).contains(operator, "POST /api/admin/processors/orders/replay",
                                     "POST /api/admin/processors/orders/verify-replay");
        browser.screenshot("operator-actions");
    }

    @Test
    void retriesADeadLetter() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        Poison.appendClaimOnUndefinedCoupon(stack.get(), ghost, 0, "ghost");
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(stack.query().resolve("/api/admin/dead-letters"),
                Tokens.admin()).body().toString().contains(ghost));
        signIn(browser, "operator-kim", "ADMIN");
        browser.open(stack.query().resolve("/console/#/ops/dead-letters"));
        assertThat(browser.find(By.cssSelector("section[data-group='coupons']")).getText()).contains(ghost);
        browser.screenshot("dead-letters");

        Poison.defineCouponInReadModel(stack.get(), ghost);
        browser.find(By.cssSelector("button[data-retry='coupons']")).click();
        browser.find(By.id("confirm-ok")).click();
        assertThat(browser.find(By.id("retry-result")).getText())
                .isEqualTo("coupons: 1 of 1 letters succeeded, 0 still failing.");
        assertThat(browser.find(By.id("dead-letter-total")).getText()).isEqualTo("No dead letters.");
        browser.screenshot("dead-letters-retried");
    }

    @Test
    void readsRankingsSalesAndCouponUptake() {
        signIn(browser, "analyst-lee", "ANALYST");
        browser.open(stack.query().resolve("/console/#/analytics/rankings"));
        WebElement first = browser.find(By.cssSelector("#main tbody tr"));
        assertThat(first.getText()).startsWith("1 Product " + product).contains("3", "₩21,000");
        browser.screenshot("rankings");
        new Select(browser.labelled("By")).selectByVisibleText("Revenue");
        new Select(browser.labelled("Period")).selectByVisibleText("Month");
        browser.role("button", "Show").click();
        browser.waitUntil(d -> d.findElement(By.id("ranking-summary")).getText().startsWith("monthly ranking"));

        browser.find(By.linkText("Product " + product)).click();
        WebElement chart = browser.find(By.id("sales-chart"));
        List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
        assertThat(bars).hasSize(30);
        assertThat(bars.getLast().getAttribute("height")).isNotEqualTo("0");
        assertThat(browser.find(By.id("sales-summary")).getText()).contains("3 units", "₩21,000");
        browser.screenshot("product-sales");

        browser.open(stack.query().resolve("/console/#/analytics/coupons"));
        WebElement uptake = browser.find(By.cssSelector("[data-uptake='" + coupon + "']"));
        assertThat(uptake.findElement(By.xpath("ancestor::tr")).getText()).contains("1 of 10", "10%");
        browser.screenshot("coupon-uptake");
        assertThat(unnamedControls()).isEmpty();
    }

    @Test
    void fitsAPhone() {
        try (Browser phone = Browser.phone(ConsoleIT.class)) {
            signIn(phone, "operator-kim", "ADMIN", "AUDITOR", "ANALYST");
            for (String page : List.of("audit/feed", "audit/aggregate/" + order, "ops/processors", "analytics/sales")) {
                phone.open(stack.query().resolve("/console/#/" + page));
                phone.find(By.cssSelector("#main table, #main svg"));
                Object overflow = phone.script("return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s", page).isLessThanOrEqualTo(0);
                phone.screenshot("phone-" + page.replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
            }
        }
    }

    private static void signIn(Browser in, String user, String... roles) {
        in.open(stack.query().resolve("/console/"));
        in.fill("User name", user);
        for (String role : roles) {
            in.labelled(role).click();
        }
        in.role("button", "Sign in").click();
        in.waitUntil(d -> d.findElement(By.id("who-name")).getText().equals(user));
    }

    private static List<String> navigation() {
        return browser.driver().findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    private static WebElement ordersRow() {
        return browser.driver().findElement(By.xpath("//div[@id='processors']//tr[td[1]/strong[text()='orders']]"));
    }

    /** Sets an input's value as a picker would (typing into date fields depends on the browser's locale). */
    private static void setValue(WebElement input, String value) {
        browser.script("arguments[0].value = arguments[1];", input, value);
    }

    /** Form controls on the page that a screen reader could not name: no label, no aria-label, no text. */
    @SuppressWarnings("unchecked")
    private static List<String> unnamedControls() {
        return (List<String>) browser.script("""
                return [...document.querySelectorAll('input, select, button, textarea')]
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
                  .map(e => e.outerHTML);""");
    }

    private static void awaitSealed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode seal = Http.get(stack.query().resolve("/api/audit/seal"), Tokens.auditor()).body();
            return seal.path("behind").asLong() == 0 && seal.path("sealedPosition").asLong() > 0;
        });
    }
}
