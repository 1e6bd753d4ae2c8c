package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the console's browser tests, driven by Selenium through Debian's chromedriver
 * ({@link ChromiumBinaries}): {@code try (Browser browser = Browser.laptop(getClass())) { browser.open(url); ... }}.
 * <p>
 * Lookups wait (up to {@link #TIMEOUT}) for what they look for, since the console renders after its fetches answer;
 * tests never sleep. Controls are found as a user names them: {@link #labelled} and {@link #role} by accessible name,
 * {@link #text} by what the page says. {@link #screenshot} leaves a PNG under
 * {@code target/screenshots/<test class>/} for a reviewer to look at.
 * <p>
 * Every error the page logs to its console fails the test when the browser closes, unless the test named it first
 * with {@link #expectConsoleError}.
 * <p>
 * Chromium takes about 3 s to start on a busy 2-core machine, so the tests of a page may share one browser: made in
 * {@code @BeforeAll} and closed in {@code @AfterAll}, with {@link #reset} before each test and {@link #checkConsole}
 * after each.
 */
final class Browser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Selenium's typed CDP classes come per Chromium version in separate jars, which this harness does without (it
     * sends raw CDP commands through chromedriver); held here so the logger keeps its level.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path screenshots;
    private final ConsoleErrors console = new ConsoleErrors();

    private Browser(BrowserWindow window, Class<?> test) {
        ChromiumBinaries binaries = ChromiumBinaries.installed();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.chromedriver().toFile())
                .withSilent(true)
                .build();
        this.driver = new ChromeDriver(service, window.options(binaries.chromium()));
        try {
            window.fit(driver);
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
        this.screenshots = SCREENSHOTS.resolve(test.getSimpleName());
    }

    /** A laptop's window showing pages 1366 × 900 CSS pixels large; screenshots go under the test class's name. */
    static Browser laptop(Class<?> test) {
        return new Browser(BrowserWindow.LAPTOP, test);
    }

    /**
     * A phone: 390 × 844 CSS pixels at 3 device pixels each, touch input, mobile layout (a page without
     * {@code <meta name="viewport" content="width=device-width">} is laid out 980 pixels wide and shrunk, as on a phone).
     */
    static Browser phone(Class<?> test) {
        return new Browser(BrowserWindow.PHONE, test);
    }

    void open(String url) {
        driver.get(url);
    }

    void open(URI url) {
        open(url.toString());
    }

    /** Waits for {@code condition} to give something other than null or false, and returns that. */
    <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The first element {@code by} finds once it is displayed. */
    WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The form control whose accessible name (its label) is {@code label}, once there is one. */
    WebElement labelled(String label) {
        return waitUntil(d -> Accessible.labelled(driver, label).stream().findFirst().orElse(null));
    }

    /** The element of ARIA role {@code role} ("button", "link", "heading"...) named {@code name}, once there is one. */
    WebElement role(String role, String name) {
        return waitUntil(d -> Accessible.query(driver, role, name).stream().findFirst().orElse(null));
    }

    /** The innermost element whose text contains {@code text} (the first, in document order), once displayed. */
    WebElement text(String text) {
        return find(Accessible.text(text));
    }

    /** Replaces the value of the control labelled {@code label} by typing {@code value} into it. */
    void fill(String label, String value) {
        WebElement control = labelled(label);
        control.clear();
        control.sendKeys(value);
    }

    /** Keys typed into whatever has the focus ({@code Keys.TAB}, {@code Keys.ENTER}, text...), as a user would. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs {@code script} in the page (its {@code arguments} are {@code args}) and returns what it returns. */
    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    Map<String, String> localStorage() {
        return storage("localStorage");
    }

    Map<String, String> sessionStorage() {
        return storage("sessionStorage");
    }

    /**
     * Saves the whole page (beyond the window, as far as it scrolls) as {@code <name>.png} under this test's
     * screenshot folder, and returns the file.
     */
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) content.get("width")).doubleValue(),
                "height", ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.createDirectories(screenshots);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A console error containing {@code fragment} is part of what the test checks, not a failure. */
    void expectConsoleError(String fragment) {
        console.expect(fragment);
    }

    /** The console errors (SEVERE entries) logged so far, expected or not. */
    List<String> consoleErrors() {
        console.add(driver.manage().logs().get(LogType.BROWSER));
        return console.all();
    }

    /** For what the methods above do not cover. */
    ChromeDriver driver() {
        return driver;
    }

    /**
     * Fails if the page logged an error the test did not expect, then forgets the errors and the expectations: for a
     * browser that several tests share, after each test ({@link #close} checks too).
     */
    void checkConsole() {
        consoleErrors();
        failOnUnexpectedErrors();
    }

    /**
     * Forgets what the open page's site stored (cookies, local and session storage) and shows a blank page: for a
     * browser that several tests share, before each test.
     */
    void reset() {
        driver.manage().deleteAllCookies();
        driver.executeScript("try { localStorage.clear(); sessionStorage.clear(); } catch (e) { }");
        driver.get("about:blank");
    }

    /** Quits Chromium, then fails if the page logged an error the test did not expect. */
    @Override
    public void close() {
        try {
            consoleErrors();
        } finally {
            driver.quit();
        }
        failOnUnexpectedErrors();
    }

    private void failOnUnexpectedErrors() {
        List<String> unexpected = console.unexpected();
        console.clear();
        if (!unexpected.isEmpty()) {
            throw new AssertionError("the page logged console errors (expectConsoleError names the ones a test"
                    + " expects):\n  " + String.join("\n  ", unexpected));
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.OFF);
        return logger;
    }

    private Map<String, String> storage(String area) {
        @SuppressWarnings("unchecked")
        Map<String, String> items = (Map<String, String>) driver.executeScript(
                "return Object.fromEntries(Object.entries(window[arguments[0]]));", area);
        return items;
    }
}
