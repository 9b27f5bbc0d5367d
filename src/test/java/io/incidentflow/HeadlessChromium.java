package io.incidentflow;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} and {@code chromium-driver} for the browser tests. Without them a browser test is
 * skipped with a printed line saying how to enable it, so {@code ./mvnw verify} passes on a machine with only Java
 * and Maven; {@code .ci/run} installs both and sets {@code -Dincidentflow.browser-tests=required}, under which a
 * missing browser fails the build instead. Selenium is pointed at the installed driver and browser, so Selenium
 * Manager downloads nothing.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getProperty("incidentflow.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("incidentflow.chromedriver", "/usr/bin/chromedriver"));

    private final Path profileDir;
    private final WebDriver browser;

    private HeadlessChromium(Path profileDir, WebDriver browser) {
        this.profileDir = profileDir;
        this.browser = browser;
    }

    /** Call from {@code @BeforeAll}: skips (or, when required, fails) the test class without the browser. */
    public static void installedOrSkip(String testClass) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = testClass + " needs Chromium and its WebDriver: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " must exist (apt-get install -y chromium chromium-driver; .ci/run does this)";
            if ("required".equals(System.getProperty("incidentflow.browser-tests"))) {
                fail(missing);
            }
            System.out.println("SKIPPED browser tests: " + missing
                    + ". Install them to run it; -Dincidentflow.browser-tests=required makes them mandatory.");
            Assumptions.abort(missing);
        }
    }

    /** A fresh headless browser with its own profile (no cookies or cache shared between tests). */
    public static HeadlessChromium start() throws IOException {
        Path profileDir = Files.createTempDirectory("incidentflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,2000", "--lang=en-US",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(profileDir, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profileDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
