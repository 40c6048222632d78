package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.tooling.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Try it out" in Swagger UI, in a real browser, as a newcomer does it in the local run: Authorize with a demo user's
 * Basic credentials, then a read and a change without a body. The change needs the cross-site guard's
 * {@code X-Requested-With}, which the description offers with a default that Swagger UI must fill in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwaggerUiBrowserIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final String PLAN = "nl-swagger-ui";
    private static final Path SCREENSHOTS = Path.of("target", "swagger-ui-screenshots");

    private ChromeDriver browser;

    /** A plan of its own: the other tests' plans share the database. */
    @BeforeAll
    void aPlanToList() {
        ActionRef action = ActionRef.of(PLAN, "1");
        new History(action)
                .then(
                        TestEvents.registered(
                                action,
                                1,
                                1,
                                ImplementationStatus.NOT_STARTED,
                                TestEvents.CONTINUOUS,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        Instant.parse("2026-01-05T09:00:00Z"));
        awaitJson(
                "auditor",
                "/api/plans/" + PLAN + "/actions/1",
                view -> view.get("version").asLong() == 0);
    }

    @BeforeAll
    void openSwaggerUiAndAuthorize() {
        browser = HeadlessChromium.start(1280, 1000);
        browser.get("http://localhost:" + port + "/swagger-ui.html");
        browser.findElement(By.cssSelector(".scheme-container button.authorize"))
                .click();
        WebElement basic = browser.findElements(By.cssSelector(".auth-container")).stream()
                .filter(container -> container.getText().contains("basic"))
                .findFirst()
                .orElseThrow();
        basic.findElement(By.cssSelector("input[name='username']")).sendKeys("auditor");
        basic.findElement(By.cssSelector("input[name='password']")).sendKeys("auditor");
        basic.findElement(By.cssSelector("button.authorize")).click();
        assertThat(basic.getText()).contains("Authorized");
        browser.findElement(By.cssSelector(".modal-ux button.btn-done")).click();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReadAnswersWithTheAuthorizedUsersCredentials() throws IOException {
        WebElement operation = tryOut("get", "/api/plans");

        assertThat(statusOf(operation)).isEqualTo("200");
        assertThat(operation
                        .findElement(By.cssSelector(".live-responses-table"))
                        .getText())
                .contains("\"planId\": \"" + PLAN + "\"");
        screenshot("get-plans");
    }

    @Test
    void aChangeWithoutABodyPassesTheCrossSiteGuardWithTheDescribedHeader() throws IOException {
        WebElement operation = tryOut("post", "/api/integrity/verify");

        assertThat(statusOf(operation)).isEqualTo("202");
        assertThat(operation.findElement(By.cssSelector(".request-url, .curl")).getText())
                .contains("X-Requested-With: swagger-ui");
        screenshot("post-verify");
    }

    /** Opens the operation, presses "Try it out" and "Execute", and waits for the live response. */
    private WebElement tryOut(String method, String path) {
        WebElement operation = browser.findElements(By.cssSelector(".opblock-" + method)).stream()
                .filter(block -> path.equals(block.findElement(By.cssSelector(".opblock-summary-path"))
                        .getAttribute("data-path")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + path + " is not in Swagger UI"));
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        operation.findElement(By.cssSelector("button.try-out__btn")).click();
        operation.findElement(By.cssSelector("button.execute")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(
                        operation, By.cssSelector(".live-responses-table .response-col_status")));
        return operation;
    }

    private static String statusOf(WebElement operation) {
        return operation
                .findElement(By.cssSelector(".live-responses-table .response .response-col_status"))
                .getText()
                .strip();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
