package nl.actionledger.tooling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through chromium-driver, in English, for the tests that drive a real browser (downloads of
 * browser builds from elsewhere are not reachable here; {@code .ci/run} installs both packages).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMIUM_DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A browser with a window of that size, waiting up to five seconds for an element it is asked to find. */
    public static ChromeDriver start(int width, int height) {
        requireExecutable(
                CHROMIUM, "the browser tests need Debian's chromium: apt-get install chromium chromium-driver");
        requireExecutable(CHROMIUM_DRIVER, "the browser tests need chromium-driver: apt-get install chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMIUM_DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    private static void requireExecutable(Path program, String otherwise) {
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(program + " is missing: " + otherwise);
        }
    }
}
