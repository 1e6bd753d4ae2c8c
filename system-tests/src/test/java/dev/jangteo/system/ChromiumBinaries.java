package dev.jangteo.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the browser tests find Chromium and its chromedriver: Debian's packages, which {@code ./dev test} installs.
 * Selenium is handed both paths, so it never runs Selenium Manager, which would try to download a browser and a driver
 * (CI reaches no browser download site). System properties {@code jangteo.it.chromium} and
 * {@code jangteo.it.chromedriver} point elsewhere, for a machine whose Chromium lives somewhere else.
 */
record ChromiumBinaries(Path chromium, Path chromedriver) {

    static ChromiumBinaries installed() {
        return from(System::getProperty);
    }

    /** The binaries named by {@code properties} (a property's value, or null), which must be executable. */
    static ChromiumBinaries from(UnaryOperator<String> properties) {
        return new ChromiumBinaries(
                executable(properties, "jangteo.it.chromium", "/usr/bin/chromium", "chromium"),
                executable(properties, "jangteo.it.chromedriver", "/usr/bin/chromedriver", "chromium-driver"));
    }

    private static Path executable(UnaryOperator<String> properties, String property, String debianPath,
                                   String debianPackage) {
        String value = properties.apply(property);
        Path path = Path.of(value == null || value.isBlank() ? debianPath : value);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("no executable " + path + " for the browser tests: ./dev test (or ./dev"
                    + " browser) installs Debian's " + debianPackage + "; elsewhere set -D" + property
                    + " to its path");
        }
        return path;
    }
}
