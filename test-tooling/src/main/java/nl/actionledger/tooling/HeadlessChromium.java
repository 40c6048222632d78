package nl.actionledger.tooling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through chromium-driver, in English, for the tests that drive a real browser (downloads of
 * browser builds from elsewhere are not reachable here; {@code .ci/run} installs both packages).
 */
public final class HeadlessChromium {

    /** How long the browser waits for an element it is asked to find before it says there is none. */
    public static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

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
        browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return browser;
    }

    /**
     * The elements the page has once it has loaded, without waiting for more: for what a page must not show, where
     * {@code findElements} would wait the whole {@link #IMPLICIT_WAIT} each time. The browser must be on the page meant
     * already (navigated to with {@code get}, or one of its elements found).
     */
    public static List<WebElement> elementsNow(WebDriver browser, By by) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(page ->
                        "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(by);
        } finally {
            browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    private static void requireExecutable(Path program, String otherwise) {
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(program + " is missing: " + otherwise);
        }
    }
}
