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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The browser harness against pages of its own, served by the JDK's HTTP server: no app, no store, only Chromium.
 */
class BrowserHarnessIT {

    private static HttpServer server;
    /** One laptop browser for the tests that do not start their own, as a page's tests would share one. */
    private static Browser laptop;

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
        laptop = Browser.laptop(BrowserHarnessIT.class);
    }

    @AfterAll
    static void stop() {
        try {
            laptop.close();
        } finally {
            server.stop(0);
        }
    }

    @BeforeEach
    void blank() {
        laptop.reset();
    }

    @AfterEach
    void noConsoleErrors() {
        laptop.checkConsole();
    }

    @Test
    void fillsALabelledInputAndPressesItsButtonWithTheKeyboard() {
        laptop.open(url("/greeting"));
        laptop.fill("Your name", "김지우");
        laptop.press(Keys.TAB);
        assertThat(laptop.focused()).isEqualTo(laptop.role("button", "Greet"));
        laptop.press(Keys.ENTER);

        assertThat(laptop.text("Hello, 김지우!").getAttribute("id")).isEqualTo("out");
        assertThat(laptop.localStorage()).isEqualTo(Map.of("greeted", "김지우"));
        assertThat(laptop.sessionStorage()).isEqualTo(Map.of("visit", "one"));
        laptop.screenshot("greeted");
    }

    @Test
    void resetForgetsWhatThePageStored() {
        laptop.open(url("/greeting"));
        laptop.script("localStorage.setItem('left', 'over'); sessionStorage.setItem('left', 'over');");

        laptop.reset();
        laptop.open(url("/greeting"));

        assertThat(laptop.localStorage()).isEmpty();
        assertThat(laptop.sessionStorage()).isEmpty();
    }

    @Test
    void screenshotIsAPngOfTheWholePageInALaptopWindow() throws IOException {
        laptop.open(url("/long"));
        Path file = laptop.screenshot("long");

        assertThat(laptop.script("return [innerWidth, innerHeight]")).isEqualTo(List.of(1366L, 900L));
        assertThat(file).isEqualTo(Path.of("target", "screenshots", "BrowserHarnessIT", "long.png"));
        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1366);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void aConsoleErrorFailsTheCheckAfterTheTest() {
        laptop.open(url("/broken"));

        assertThatThrownBy(laptop::checkConsole).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the page broke on purpose");
    }

    @Test
    void anExpectedConsoleErrorDoesNot() {
        laptop.expectConsoleError("broke on purpose");
        laptop.open(url("/broken"));

        assertThat(laptop.consoleErrors()).singleElement().asString().contains("the page broke on purpose");
    }

    @Test
    void aConsoleErrorFailsTheTestWhenItsOwnBrowserCloses() {
        Browser browser = Browser.laptop(getClass());
        browser.open(url("/broken"));

        assertThatThrownBy(browser::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the page broke on purpose");
    }

    @Test
    void aPhoneIs390WideAndTouchable() {
        try (Browser phone = Browser.phone(getClass())) {
            phone.open(url("/greeting"));
            phone.screenshot("greeting-phone");

            assertThat(phone.script("return [innerWidth, innerHeight]")).isEqualTo(List.of(390L, 844L));
            assertThat(phone.script("return matchMedia('(pointer: coarse)').matches")).isEqualTo(true);
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
