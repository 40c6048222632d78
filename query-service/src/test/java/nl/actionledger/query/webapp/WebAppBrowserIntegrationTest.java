package nl.actionledger.query.webapp;

import static nl.actionledger.query.TestEvents.CONTINUOUS;
import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.support.security.SignInFailures;
import nl.actionledger.tooling.BrowserPageOnFailure;
import nl.actionledger.tooling.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The web app in a real browser: Debian's headless chromium, driven through chromium-driver, against query-service on
 * PostgreSQL with its projections built from events. Each journey leaves a screenshot in target/webapp-screenshots.
 * Without chromium the tests fail (they do not skip): .ci/run installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "webapp-screenshots");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The test's plan by name: other tests sharing the database add plans, and the overview shows the first by default. */
    private static final String OVERVIEW = "/?plan=eu-wap-nl";
    /** A plan of its own for the pages through time and the reports, whose every number the tests know. */
    private static final String COURSE = "nl-browser-course";

    private ChromeDriver browser;

    @RegisterExtension
    final BrowserPageOnFailure pageOnFailure = new BrowserPageOnFailure(() -> browser);

    @Autowired
    private SignInFailures signInFailures;

    @Value("${actionledger.security.sign-in-throttle.failures-per-user}")
    private long failuresPerUser;

    @BeforeAll
    void history() {
        new History(action("951"))
                .then(
                        registered(
                                "951", 95, 1, ImplementationStatus.NOT_STARTED, CONTINUOUS, CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionStatusChangedEvent(
                                action("951"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                "Campaign on glass eels started"),
                        "coordinator",
                        "c-951-1",
                        T0.plusSeconds(3600));
        new History(action("952"))
                .then(
                        registered("952", 95, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0);
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/951",
                view -> view.get("version").asLong() == 1);
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/952",
                view -> view.get("version").asLong() == 0);

        // COURSE: two actions from 10 January 2025; action 1 started in March and completed in May, action 2 on hold
        Instant registration = Instant.parse("2025-01-10T09:00:00Z");
        new History(ActionRef.of(COURSE, "1"))
                .then(
                        registered(
                                ActionRef.of(COURSE, "1"),
                                1,
                                1,
                                ImplementationStatus.NOT_STARTED,
                                CONTINUOUS,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        registration)
                .then(
                        new ActionStatusChangedEvent(
                                ActionRef.of(COURSE, "1"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                "Inspections of pet shops began"),
                        "coordinator",
                        "c-c1-1",
                        Instant.parse("2025-03-05T10:00:00Z"))
                .then(
                        new ActionStatusChangedEvent(
                                ActionRef.of(COURSE, "1"),
                                ImplementationStatus.IN_PROGRESS,
                                ImplementationStatus.COMPLETED,
                                "All shops inspected"),
                        "coordinator",
                        "c-c1-2",
                        Instant.parse("2025-05-20T10:00:00Z"));
        new History(ActionRef.of(COURSE, "2"))
                .then(
                        registered(
                                ActionRef.of(COURSE, "2"),
                                1,
                                2,
                                ImplementationStatus.ON_HOLD,
                                RANGE_2024_2025,
                                CommitmentLevel.EU),
                        "system",
                        "reg",
                        registration);
        awaitJson(
                "evaluator",
                "/api/plans/" + COURSE + "/actions/1",
                view -> view.get("version").asLong() == 2);
        awaitProjectionsCaughtUp();
    }

    @BeforeAll
    void browser() {
        browser = HeadlessChromium.start(1280, 1000);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void anEvaluatorSignsInOnTheLoginPageAndSeesThePlanByObjectiveWithCountsAndTheSlippedActions() throws IOException {
        browser.get(url(OVERVIEW));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn("evaluator");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The plan");
        assertThat(browser.findElement(By.cssSelector(".signed-in")).getText()).contains("Signed in as evaluator");
        WebElement row951 = browser.findElement(By.cssSelector("tr[data-action='951']"));
        assertThat(row951.getText()).contains("Action 951", "Doorlopend");
        // the status as text, not only as a colour
        assertThat(row951.findElement(By.cssSelector(".status")).getText()).isEqualTo("In progress");
        assertThat(browser.findElement(By.xpath("//h3[starts-with(., 'Objective 95:')]"))
                        .getText())
                .isEqualTo("Objective 95: Objective 95");
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("tr[data-status='IN_PROGRESS'] td.number"))
                        .getText()))
                .isPositive();
        // 2024 - 2025 has ended and 952 has not started; 951 is continuous and cannot slip
        String slipped = browser.findElement(By.id("slipped")).getText();
        assertThat(slipped).contains("Action 952").doesNotContain("Action 951");
        screenshot("overview");
    }

    @Test
    void theLanguageSwitchShowsTheOverviewInDutch() throws IOException {
        browser.get(url(OVERVIEW));
        signIn("evaluator");
        browser.findElement(By.linkText("Nederlands")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("lang=nl"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Het actieplan");
        assertThat(browser.findElement(By.cssSelector("tr[data-action='951'] .status"))
                        .getText())
                .isEqualTo("In uitvoering");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        screenshot("overview-nl");
    }

    @Test
    void anAuditorOpensAnActionAndReadsItsTimelineWithReasonAndActor() throws IOException {
        browser.get(url(OVERVIEW));
        signIn("auditor");
        browser.findElement(By.cssSelector("tr[data-action='951'] a")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Action 951");
        assertThat(browser.findElement(By.id("current-status")).getText()).isEqualTo("In progress");
        WebElement change = browser.findElement(By.cssSelector("#timeline li[data-version='1']"));
        assertThat(change.getText())
                .contains("by coordinator", "Campaign on glass eels started", "NOT_STARTED", "IN_PROGRESS");
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-version='0']")))
                .hasSize(1);
        screenshot("action-timeline");
    }

    @Test
    void anEvaluatorSeesTheActionButNotTheAuditTrailTheirRoleMayNotRead() {
        browser.get(url("/actions/eu-wap-nl/951"));
        signIn("evaluator");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Action 951");
        assertThat(HeadlessChromium.elementsNow(browser, By.id("timeline"))).isEmpty();
    }

    @Test
    void anAuditorFindsAChangeByActorAndOpensTheActionsTimeline() throws IOException {
        browser.get(url("/"));
        signIn("auditor");
        browser.findElement(By.linkText("Audit search")).click();
        browser.findElement(By.id("actor")).sendKeys("coordinator");
        browser.findElement(By.id("action")).sendKeys("951");
        browser.findElement(By.cssSelector("main button[type='submit']")).click();

        List<WebElement> found = browser.findElements(By.cssSelector("#results tbody tr"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getText())
                .contains(
                        "coordinator",
                        "Action 951",
                        "Status: NOT_STARTED → IN_PROGRESS",
                        "Campaign on glass eels started");
        screenshot("audit-search");
        found.get(0).findElement(By.linkText("Action 951")).click();
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-version='1']"))
                        .getText())
                .contains("Campaign on glass eels started");
    }

    @Test
    void anEvaluatorIsNotOfferedTheAuditSearchAndIsRefusedIt() {
        browser.get(url("/"));
        signIn("evaluator");

        assertThat(HeadlessChromium.elementsNow(browser, By.linkText("Audit search")))
                .isEmpty();
        browser.get(url("/auditing?actor=coordinator"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        assertThat(browser.getPageSource()).doesNotContain("Campaign on glass eels started");
        assertThat(HeadlessChromium.elementsNow(browser, By.id("results"))).isEmpty();
    }

    @Test
    void aWrongPasswordIsToldOnTheLoginPage() {
        signInAs("evaluator", "wrong");

        assertThat(browser.findElement(By.cssSelector(".message.error")).getText())
                .isEqualTo("The user name or password is not right.");
    }

    /**
     * The login form counts in the same place as the API's Basic sign-ins: a refused form sign-in uses up the last
     * failure this name had left, and the next one goes back to the page, which says to wait.
     */
    @Test
    void theLoginFormSharesTheSignInThrottleWithTheApi() {
        String guesser = "guesser-" + System.nanoTime();
        for (long i = 1; i < failuresPerUser; i++) {
            signInFailures.failed(guesser, "elsewhere");
        }
        assertThat(signInFailures.waitBefore(guesser, "elsewhere")).isZero();

        signInAs(guesser, "wrong");
        assertThat(browser.findElement(By.cssSelector(".message.error")).getText())
                .isEqualTo("The user name or password is not right.");
        assertThat(signInFailures.waitBefore(guesser, "elsewhere")).isPositive();

        signInAs(guesser, "wrong");
        // the click returns when the form is sent, not always once the redirect that answers it has been followed
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?throttled"));
        assertThat(browser.findElement(By.cssSelector(".message.error")).getText())
                .startsWith("Too many failed sign-ins");
    }

    @Test
    void pagesComeWithAStrictContentSecurityPolicyAndAHardenedSessionCookie() throws Exception {
        HttpResponse<String> login = HTTP.send(
                HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());

        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'")
                .doesNotContain("unsafe-inline");
        // the form's CSRF token lives in the session
        assertThat(login.body()).contains("name=\"_csrf\"");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "Secure", "SameSite=Lax"));
    }

    /**
     * Pages name their icon among the app's files, which need no sign-in and make no session: without it browsers asked
     * for /favicon.ico, which needed one then, and the session its redirect to the login page made could replace the
     * cookie of the form being filled in (this class's first sign-in was sometimes refused so, as expired).
     */
    @Test
    void pagesNameTheirIconWhichComesWithoutASession() throws Exception {
        browser.get(url("/login"));
        String icon = browser.findElement(By.cssSelector("link[rel='icon']")).getAttribute("href");

        HttpResponse<String> response = withoutSession(icon);

        assertThat(icon).isEqualTo(url("/app/icon.svg"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    /** The icon browsers ask for on their own when what a tab shows names none: no sign-in, no session either. */
    @Test
    void theIconBrowsersAskForByThemselvesComesWithoutASignInOrASession() throws Exception {
        HttpResponse<String> response = withoutSession(url("/favicon.ico"));

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/app/icon.svg"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    /** As when the session of the login page has ended before the form was sent: back to the form, which says so. */
    @Test
    void aSignInWithoutTheFormsCsrfTokenIsRefusedAndTheFormSaysItHadExpired() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=evaluator&password=evaluator"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/login?expired");
        browser.get(url("/login?expired"));
        assertThat(browser.findElement(By.cssSelector(".message.error")).getText())
                .startsWith("The sign-in form had expired");
        assertThat(browser.findElements(By.id("username"))).hasSize(1);
    }

    @Test
    void theApiStaysStatelessWithBasicAndNoSession() {
        HttpResponse<String> response = get("evaluator", "/api/plans");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    // --- the plan through time, changes and reports, projections, not found ---------------------------------

    @Test
    void anEvaluatorOpensTheChartOfThePlanThroughTimeAndChangesTheDateOfThePlanShown() throws IOException {
        browser.get(url("/history?plan=" + COURSE + "&from=2024-12-31&to=2025-06-30&granularity=month"));
        signIn("evaluator");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The plan through time");
        // one area per status the plan had in the period, each with its name; every number in the table
        List<String> areas = browser.findElements(By.cssSelector("#status-chart polygon.area")).stream()
                .map(area -> area.getAttribute("data-status"))
                .toList();
        assertThat(areas).containsExactly("NOT_STARTED", "IN_PROGRESS", "COMPLETED", "ON_HOLD");
        assertThat(browser.findElement(By.cssSelector(".legend")).getText())
                .contains("Not started", "In progress", "Completed", "On hold", "Continuous", "Discontinued");
        assertThat(seriesRow("2024-12-31")).isEqualTo("NS0 IP0 C0 OH0 =0");
        assertThat(seriesRow("2025-01-31")).isEqualTo("NS1 IP0 C0 OH1 =2");
        assertThat(seriesRow("2025-03-31")).isEqualTo("NS0 IP1 C0 OH1 =2");
        assertThat(seriesRow("2025-05-31")).isEqualTo("NS0 IP0 C1 OH1 =2");
        assertThat(browser.findElements(By.cssSelector("#series tbody tr"))).hasSize(7);
        // the plan now, by default
        assertThat(browser.findElement(By.cssSelector("#as-of tr[data-action='1'] .status"))
                        .getText())
                .isEqualTo("Completed");
        screenshot("history-chart");

        setDate("at", "2025-04-15");
        browser.findElement(By.cssSelector("#history-form button[type='submit']"))
                .click();

        // Waits for the new page: until it has loaded, the old page's elements are found and then go stale.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("as-of-heading"), "The plan on 2025-04-15"));
        assertThat(browser.findElement(By.cssSelector("#as-of tr[data-action='1'] .status"))
                        .getText())
                .isEqualTo("In progress");
        assertThat(browser.findElement(By.cssSelector("#as-of tr[data-status='IN_PROGRESS'] td.number"))
                        .getText())
                .isEqualTo("1");
        // the chart stays as it was asked for
        assertThat(seriesRow("2025-05-31")).isEqualTo("NS0 IP0 C1 OH1 =2");
        screenshot("history-as-of");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsToldOnThePageInTheUsersLanguage() {
        browser.get(url("/history?plan=" + COURSE + "&from=2025-06-30&to=2025-01-31&lang=nl"));
        signIn("evaluator");

        assertThat(browser.findElement(By.cssSelector("#course .message.error")).getText())
                .isEqualTo("De eerste datum moet voor de tweede liggen.");
        assertThat(HeadlessChromium.elementsNow(browser, By.id("status-chart"))).isEmpty();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Het actieplan door de tijd");
    }

    @Test
    void anEvaluatorReadsTheChangesAndTheReportAndDownloadsItWithTheirSession() throws Exception {
        browser.get(url("/reports?plan=" + COURSE + "&from=2025-02-28&to=2025-05-31"));
        signIn("evaluator");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Changes and reports");
        assertThat(browser.findElement(By.cssSelector("#changes-table tr[data-action='1']"))
                        .getText())
                .contains("Action 1", "Status: NOT_STARTED → COMPLETED", "coordinator");
        assertThat(browser.findElements(By.cssSelector("#changes-table tr[data-action='2']")))
                .isEmpty();
        assertThat(browser.findElement(By.id("transitions")).getText())
                .contains("Inspections of pet shops began", "All shops inspected");
        assertThat(browser.findElement(By.cssSelector("#report-counts tr[data-status='COMPLETED']"))
                        .getText())
                .endsWith("0 1");
        assertThat(browser.findElement(By.id("not-updated")).getText()).isEqualTo("2");
        String hash = browser.findElement(By.id("content-hash")).getText();
        assertThat(hash).matches("sha256:[0-9a-f]{64}");
        screenshot("reports");

        // the link works with the session: the report's CSV, as the API serves it, with the hash the page shows
        HttpResponse<String> csv =
                withSession(browser.findElement(By.id("download-report-csv")).getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"" + COURSE + "-report-2025-02-28-2025-05-31.csv\"");
        assertThat(csv.headers().firstValue("X-Report-Content-Hash")).contains(hash);
        assertThat(csv.body()).contains("action_id,").contains("COMPLETED");
        assertThat(csv.body())
                .isEqualTo(get("evaluator", "/api/plans/" + COURSE + "/report?from=2025-02-28&to=2025-05-31&format=csv")
                        .body());
        HttpResponse<String> workbook =
                withSession(browser.findElement(By.id("download-report-xlsx")).getAttribute("href"));
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(workbook.headers().firstValue("X-Report-Content-Hash")).contains(hash);
        HttpResponse<String> changes =
                withSession(browser.findElement(By.id("download-changes-csv")).getAttribute("href"));
        assertThat(changes.body()).contains("action_id,net_change").contains("NOT_STARTED", "COMPLETED");
        // the API's own address stays Basic or bearer only: the session is no credential there
        assertThat(withSession(url("/api/plans/" + COURSE + "/report?from=2025-02-28&to=2025-05-31&format=csv"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAddressNobodyServesShowsTheNotFoundPageWhileTheApisKeepTheirProblem() throws Exception {
        browser.get(url("/no-such-page"));
        signIn("evaluator");

        assertThat(browser.getCurrentUrl()).endsWith("/no-such-page?continue");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.id("not-found")).getText()).isEqualTo("There is nothing at this address.");
        assertThat(withSession(url("/actions/no/such/page")).statusCode()).isEqualTo(404);
        // an address under the API's that the caller's role may reach (the API refuses any other with 403)
        HttpResponse<String> api = get("auditor", "/api/integrity/no-such-resource");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(api.body()).contains("\"errorCode\":\"NOT_FOUND\"");
    }

    @Test
    void anAdminSeesTheProjectionsProgressAndStartsAReplay() throws IOException {
        browser.get(url("/"));
        signIn("admin");
        browser.findElement(By.linkText("Projections")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Projections");
        List<String> names = browser.findElements(By.cssSelector("#projections tbody tr")).stream()
                .map(row -> row.getAttribute("data-projection"))
                .toList();
        assertThat(names).contains("action-views", "audit-trail", "action-timeline", "organisations");
        assertThat(browser.findElement(By.cssSelector("tr[data-projection='action-timeline'] .lag"))
                        .getText())
                .isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("tr[data-projection='action-timeline'] .state"))
                        .getText())
                .isEqualTo("Up to date");
        screenshot("projections");

        browser.findElement(By.cssSelector("tr[data-projection='organisations'] button[type='submit']"))
                .click();

        assertThat(browser.findElement(By.id("replay-started")).getText())
                .isEqualTo("The replay of organisations has started.");
        awaitProjectionsCaughtUp();
    }

    @Test
    void onlyAnAdminIsOfferedTheProjectionsAndACoordinatorNoHistoryOrReports() throws Exception {
        browser.get(url("/"));
        signIn("evaluator");
        assertThat(browser.findElements(By.linkText("The plan through time"))).hasSize(1);
        assertThat(HeadlessChromium.elementsNow(browser, By.linkText("Projections")))
                .isEmpty();
        browser.get(url("/admin/projections"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        assertThat(HeadlessChromium.elementsNow(browser, By.id("projections"))).isEmpty();
        // nor can a replay be started past the page: the POST, with the session's valid CSRF token, is refused for the
        // role
        String csrf = browser.findElement(By.cssSelector("form.signed-in input[name='_csrf']"))
                .getAttribute("value");
        assertThat(withSessionPost("/admin/projections/replay", "name=organisations&_csrf=" + csrf)
                        .statusCode())
                .isEqualTo(403);

        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        signIn("coordinator");
        assertThat(HeadlessChromium.elementsNow(browser, By.linkText("The plan through time")))
                .isEmpty();
        assertThat(HeadlessChromium.elementsNow(browser, By.linkText("Changes and reports")))
                .isEmpty();
        assertThat(HeadlessChromium.elementsNow(browser, By.linkText("Projections")))
                .isEmpty();
        browser.get(url("/reports?plan=" + COURSE));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        assertThat(withSession(url("/reports/" + COURSE + "/report.csv?from=2025-02-28&to=2025-05-31"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPageAskedWhileItsKindOfReadIsBusySaysToTryAgainWith429() throws Exception {
        browser.get(url("/"));
        signIn("evaluator");
        String asOf = "/api/plans/" + COURSE + "/as-of?at=2026-01-06";
        List<CompletableFuture<HttpResponse<String>>> held;
        try (Connection lock = ownerConnection()) {
            // Both places for plans as of a date taken by reads that wait for the timeline's table (at most its 5 s
            // lock timeout): the page of the plan through time asks the same kind of question.
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE query_model.action_state IN ACCESS EXCLUSIVE MODE");
            }
            held = List.of(
                    CompletableFuture.supplyAsync(() -> get("evaluator", asOf)),
                    CompletableFuture.supplyAsync(() -> get("evaluator", asOf)));
            await().atMost(Duration.ofMillis(4500))
                    .until(() -> jdbc.sql(
                                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%action_state%'")
                                    .query(Long.class)
                                    .single()
                            >= 2);

            HttpResponse<String> busy = withSession(url("/history?plan=" + COURSE));
            assertThat(busy.statusCode()).isEqualTo(429);
            assertThat(busy.headers().firstValue("Retry-After")).contains("1");
            assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(busy.body()).contains("Try again in a moment.").contains("Signed in as evaluator");
            lock.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> read : held) {
            assertThat(read.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownPlanOrActionIsAPageThatSaysSoWith404() throws Exception {
        browser.get(url("/actions/eu-wap-nl/99999"));
        signIn("evaluator");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.id("not-found")).getText())
                .isEqualTo("The plan has no action with this number.");
        assertThat(browser.findElement(By.cssSelector(".signed-in")).getText()).contains("Signed in as evaluator");
        screenshot("not-found");
        assertThat(withSession(url("/actions/eu-wap-nl/99999")).statusCode()).isEqualTo(404);
        HttpResponse<String> unknownPlan = withSession(url("/history?plan=nl-no-such-plan"));
        assertThat(unknownPlan.statusCode()).isEqualTo(404);
        assertThat(unknownPlan.body()).contains("There is no plan by this name.");
        assertThat(withSession(url("/?plan=nl-no-such-plan")).statusCode()).isEqualTo(404);
    }

    /** A row of the chart's table: the counts of four statuses and the total, e.g. "NS1 IP0 C0 OH1 =2". */
    private String seriesRow(String date) {
        WebElement row = browser.findElement(By.xpath("//table[@id='series']/tbody/tr[th/time[.='" + date + "']]"));
        return "NS" + cell(row, "NOT_STARTED") + " IP" + cell(row, "IN_PROGRESS") + " C" + cell(row, "COMPLETED")
                + " OH" + cell(row, "ON_HOLD") + " ="
                + row.findElement(By.cssSelector("td.total")).getText();
    }

    private static String cell(WebElement row, String status) {
        return row.findElement(By.cssSelector("td[data-status='" + status + "']"))
                .getText();
    }

    /** A date field's value as the date picker would leave it (typing into one depends on the browser's locale). */
    private void setDate(String id, String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), isoDate);
    }

    /** A GET with no cookie at all, as a browser's first request to the site. */
    private static HttpResponse<String> withoutSession(String address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the browser's session cookie and nothing else, as a click on a download link sends it. */
    private HttpResponse<String> withSession(String address) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(address))
                        .header("Cookie", sessionCookie())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withSessionPost(String path, String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Cookie", sessionCookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String sessionCookie() {
        return "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    }

    private void signInAs(String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main button[type='submit']")).click();
    }

    private void signIn(String user) {
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("main button[type='submit']")).click();
        // the login page has the same header: wait for the page signed in to, not an element of the one left. The first
        // sign-in of the class renders the first page of a cold service in a cold browser: on a busy two-core machine
        // that once took longer than 10 s (the address stayed /login), so the wait allows 30 s; it ends as soon as the
        // page is there.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "still on the login page, which says: "
                        + browser.findElement(By.tagName("main")).getText())
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        // the address changes as soon as the next page starts to arrive: wait until it shows the one signed in
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signed-in")));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
