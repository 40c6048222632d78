package nl.actionledger.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

class BrowserPageOnFailureTest {

    private final NoSuchElementException failure =
            new NoSuchElementException("no such element: tr[data-action='951'] a\nBuild info: ...");

    @Test
    void aFailureSaysWhichPageTheBrowserWasOnAndWhatItShowed() {
        WebDriver browser =
                browser("http://localhost:8081/login?error", "Sign in", "Sign in\n\n  Wrong name or password");

        assertThatThrownBy(() -> new BrowserPageOnFailure(() -> browser).handleTestExecutionException(null, failure))
                .isInstanceOf(AssertionError.class)
                .hasCause(failure)
                .hasMessage(
                        "no such element: tr[data-action='951'] a\nthe browser was on http://localhost:8081/login?error"
                                + " (\"Sign in\"), which showed: Sign in Wrong name or password");
    }

    @Test
    void aLongPageIsCutShort() {
        WebDriver browser = browser("http://localhost/", "Plan", "x".repeat(5_000));

        assertThatThrownBy(() -> new BrowserPageOnFailure(() -> browser).handleTestExecutionException(null, failure))
                .hasMessageEndingWith("x".repeat(600) + " ...");
    }

    @Test
    void withoutABrowserTheFailureIsLeftAsItIs() {
        assertThatThrownBy(() -> new BrowserPageOnFailure(() -> null).handleTestExecutionException(null, failure))
                .isSameAs(failure);
    }

    @Test
    void aBrowserThatCannotBeReadIsSaidToBeSo() {
        WebDriver gone = (WebDriver) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {WebDriver.class}, (proxy, method, arguments) -> {
                    throw new WebDriverException("chrome not reachable\nmore");
                });

        assertThat(BrowserPageOnFailure.describe(gone))
                .isEqualTo("the browser's page could not be read: chrome not reachable");
    }

    private static WebDriver browser(String url, String title, String bodyText) {
        WebElement body = (WebElement) Proxy.newProxyInstance(
                BrowserPageOnFailureTest.class.getClassLoader(),
                new Class<?>[] {WebElement.class},
                (proxy, method, arguments) -> answer(Map.of("getText", bodyText), method.getName()));
        return (WebDriver) Proxy.newProxyInstance(
                BrowserPageOnFailureTest.class.getClassLoader(),
                new Class<?>[] {WebDriver.class},
                (proxy, method, arguments) -> method.getName().equals("findElement")
                        ? body
                        : answer(Map.of("getCurrentUrl", url, "getTitle", title), method.getName()));
    }

    private static Object answer(Map<String, String> answers, String method) {
        if (!answers.containsKey(method)) {
            throw new UnsupportedOperationException(method);
        }
        return answers.get(method);
    }
}
