package dev.jangteo.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** The windows a {@link Browser} opens: the sizes the console is checked at. */
enum BrowserWindow {
    LAPTOP, PHONE;

    ChromeOptions options(Path chromium) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // Root in a container needs no-sandbox; /dev/shm is 64 MB in Docker, too small for Chromium's renderers.
        // No scrollbars: a screenshot shows the page at the window's full width.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--no-first-run", "--disable-background-networking", "--disable-component-update");
        if (this == PHONE) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "mobile", true, "touch", true)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    /**
     * Headless Chromium still counts a window's frame and toolbars (143 pixels of height), so the laptop's window
     * is grown by what it takes from the page: the page gets 1366 × 900.
     */
    void fit(ChromeDriver driver) {
        if (this == LAPTOP) {
            @SuppressWarnings("unchecked")
            List<Long> frame = (List<Long>) driver.executeScript(
                    "return [outerWidth - innerWidth, outerHeight - innerHeight];");
            driver.manage().window().setSize(new Dimension(1366 + frame.get(0).intValue(),
                    900 + frame.get(1).intValue()));
        }
    }
}
