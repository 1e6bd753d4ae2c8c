package dev.jangteo.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChromiumBinariesTest {

    @Test
    void aMissingChromiumNamesTheCommandThatInstallsIt() {
        Map<String, String> properties = Map.of("jangteo.it.chromium", "/nonexistent/chromium");

        assertThatThrownBy(() -> ChromiumBinaries.from(properties::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/chromium")
                .hasMessageContaining("./dev test")
                .hasMessageContaining("-Djangteo.it.chromium");
    }

    @Test
    void aMissingDriverNamesItsPackageAndProperty() {
        Map<String, String> properties = Map.of("jangteo.it.chromium", "/bin/sh",
                "jangteo.it.chromedriver", "/nonexistent/chromedriver");

        assertThatThrownBy(() -> ChromiumBinaries.from(properties::get))
                .hasMessageContaining("chromium-driver")
                .hasMessageContaining("-Djangteo.it.chromedriver");
    }
}
