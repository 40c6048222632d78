package nl.actionledger.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.actionledger.tooling.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through chromium-driver, on the web app of the local run (as query-service's
 * WebAppBrowserIntegrationTest drives it on query-service alone). Without chromium the tests fail, they do not skip:
 * .ci/run installs it. Screenshots go to target/webapp-screenshots.
 */
final class WebAppBrowser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "webapp-screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    private WebAppBrowser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    static WebAppBrowser open(String baseUrl) {
        ChromeDriver driver = HeadlessChromium.start(1280, 1400);
        return new WebAppBrowser(driver, baseUrl);
    }

    /** Opens the page, signing in on the login page first as the demo user (password: the name) if it asks. */
    void open(String path, String user) {
        driver.get(baseUrl + path);
        if (driver.getCurrentUrl().contains("/login")) {
            find("#username").sendKeys(user);
            find("#password").sendKeys(user);
            find("main button[type='submit']").click();
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            // the address changes as soon as the next page starts to arrive: wait until it shows the one signed in
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signed-in")));
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** A fresh start: no session, no language chosen. */
    void signOut() {
        driver.get(baseUrl + "/login");
        driver.manage().deleteAllCookies();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Whether the page, loaded, has such an element now (without the browser's implicit wait for one). */
    boolean has(String css) {
        return !HeadlessChromium.elementsNow(driver, By.cssSelector(css)).isEmpty();
    }

    /** Submits the form and waits for the page it leads to. */
    void submit(String formCss) {
        WebElement form = find(formCss);
        form.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> isGone(form));
    }

    /**
     * Whether the element belongs to a page that has been left. Selenium's {@code stalenessOf} knows only the stale
     * element reference; while the next page replaces the document, chromium-driver can instead answer "Node with given
     * id does not belong to the document", which says the same and would otherwise end the wait with an error.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException left) {
            return true;
        } catch (WebDriverException maybeLeft) {
            if (String.valueOf(maybeLeft.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw maybeLeft;
        }
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
