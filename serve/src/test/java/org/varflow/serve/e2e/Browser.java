package org.varflow.serve.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium through Debian's chromedriver: paths from the system properties
 * {@code varflow.chromium} and {@code varflow.chromedriver} (set by the pom; nothing is downloaded), a fresh profile
 * per browser, no network but the test's own server.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("varflow.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("varflow.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("varflow-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,1900", "--user-data-dir=" + profile));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Whether this machine has what the browser tests need. */
    static String missing() {
        for (String p : List.of(CHROMIUM, DRIVER)) {
            if (!Files.isExecutable(Path.of(p))) {
                return p + " is missing: install Debian's chromium and chromium-driver (apt-get install -y chromium"
                        + " chromium-driver), or give -Dvarflow.chromium=PATH -Dvarflow.chromedriver=PATH;"
                        + " -Dvarflow.browser=skip skips the browser tests";
            }
        }
        return null;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the script returns true. */
    void until(String script, Duration timeout, Object... args) {
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(100))
                .until(d -> Boolean.TRUE.equals(js(script, args)));
    }

    /** A screenshot of the window, written to target/screenshots (and docs/ with -Dvarflow.screenshots=docs). */
    void screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), png);
            if ("docs".equals(System.getProperty("varflow.screenshots"))) {
                Files.write(Path.of(System.getProperty("varflow.docs", "../docs")).resolve(name), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
