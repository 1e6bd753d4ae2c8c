package dev.jangteo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The browser harness against pages of its own, served by the JDK's HTTP server: no app, no store, only Chromium.
 */
class BrowserHarnessIT {

    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page("/greeting", """
                <label for="name">Your name</label> <input id="name">
                <button type="button" id="greet">Greet</button>
                <p role="status" id="out"></p>
                <script>
                  document.getElementById('greet').addEventListener('click', () => {
                    const name = document.getElementById('name').value;
                    localStorage.setItem('greeted', name);
                    sessionStorage.setItem('visit', 'one');
                    setTimeout(() => document.getElementById('out').textContent = 'Hello, ' + name + '!', 300);
                  });
                </script>""");
        page("/long", "<div style=\"height: 3000px; background: linear-gradient(#fff, #36c)\">tall</div>");
        page("/broken", "<p>broken</p><script>console.error('the page broke on purpose');</script>");
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void fillsALabelledInputAndPressesItsButtonWithTheKeyboard() {
        try (Browser browser = Browser.laptop(getClass())) {
            browser.open(url("/greeting"));
            browser.fill("Your name", "김지우");
            browser.press(Keys.TAB);
            assertThat(browser.focused()).isEqualTo(browser.role("button", "Greet"));
            browser.press(Keys.ENTER);

            assertThat(browser.text("Hello, 김지우!").getAttribute("id")).isEqualTo("out");
            assertThat(browser.localStorage()).isEqualTo(Map.of("greeted", "김지우"));
            assertThat(browser.sessionStorage()).isEqualTo(Map.of("visit", "one"));
            browser.screenshot("greeted");
        }
    }

    @Test
    void screenshotIsAPngOfTheWholePageInALaptopWindow() throws IOException {
        try (Browser browser = Browser.laptop(getClass())) {
            browser.open(url("/long"));
            Path file = browser.screenshot("long");

            assertThat(browser.script("return [innerWidth, innerHeight]")).isEqualTo(List.of(1366L, 900L));
            assertThat(file).isEqualTo(Path.of("target", "screenshots", "BrowserHarnessIT", "long.png"));
            assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(1366);
            assertThat(image.getHeight()).isGreaterThanOrEqualTo(3000);
        }
    }

    @Test
    void aConsoleErrorFailsTheTestWhenTheBrowserCloses() {
        Browser browser = Browser.laptop(getClass());
        browser.open(url("/broken"));

        assertThatThrownBy(browser::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the page broke on purpose");
    }

    @Test
    void anExpectedConsoleErrorDoesNot() {
        try (Browser browser = Browser.laptop(getClass())) {
            browser.expectConsoleError("broke on purpose");
            browser.open(url("/broken"));

            assertThat(browser.consoleErrors()).singleElement().asString().contains("the page broke on purpose");
        }
    }

    @Test
    void aPhoneIs390WideAndTouchable() {
        try (Browser browser = Browser.phone(getClass())) {
            browser.open(url("/greeting"));
            browser.screenshot("greeting-phone");

            assertThat(browser.script("return [innerWidth, innerHeight]")).isEqualTo(List.of(390L, 844L));
            assertThat(browser.script("return matchMedia('(pointer: coarse)').matches")).isEqualTo(true);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A page at {@code path}; the empty icon spares Chromium's request for /favicon.ico and its 404. */
    private static void page(String path, String body) {
        byte[] html = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + path
                + "</title><link rel=\"icon\" href=\"data:,\"></head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
    }
}
