package nl.actionledger.tooling;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * Says in a failed browser test's message which page the browser was on and what it showed. A browser test that fails
 * only now and then on a busy build machine ("no such element") cannot be told apart from a wrong page otherwise: the
 * build's console keeps the failure's message, not the browser. Register it with {@code @RegisterExtension}, giving the
 * class's browser.
 */
public final class BrowserPageOnFailure implements TestExecutionExceptionHandler {

    private static final int SHOWN_TEXT = 600;

    private final Supplier<WebDriver> browser;

    public BrowserPageOnFailure(Supplier<WebDriver> browser) {
        this.browser = browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        WebDriver driver = browser.get();
        if (driver == null) {
            throw failure;
        }
        throw new AssertionError(firstLine(failure.getMessage()) + "\n" + describe(driver), failure);
    }

    static String describe(WebDriver driver) {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            return "the browser was on " + driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\"), which showed: "
                    + (text.length() > SHOWN_TEXT ? text.substring(0, SHOWN_TEXT) + " ..." : text);
        } catch (WebDriverException unreadable) {
            return "the browser's page could not be read: " + firstLine(unreadable.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
