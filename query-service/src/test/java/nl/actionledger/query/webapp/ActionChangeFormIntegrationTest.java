package nl.actionledger.query.webapp;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The change form through query-service's own pages, signed in on the login page with a session as a browser is: who
 * is offered it, who may post it, and what the page says when command-service cannot be reached (the tests' setting
 * points at an address where nothing listens). Command-service's real answers, 412 included, are tested with both
 * services running in local-run's LocalRunEndToEndTest; each answer's mapping in CommandServiceClientTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionChangeFormIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final String OWN = "/actions/eu-wap-nl/961";
    private static final String OTHERS = "/actions/eu-wap-nl/962";

    @BeforeAll
    void history() {
        listedOnce("lvvn", "Ministerie van LVVN", List.of("LNV"));
        new History(action("961"))
                .then(
                        registered("961", 96, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(action("961"), null, Assignment.of("lvvn"), "LVVN leads"),
                        "admin",
                        "c-961-1",
                        T0.plusSeconds(60));
        new History(action("962"))
                .then(
                        registered("962", 96, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(action("962"), null, Assignment.of("om"), "OM leads"),
                        "admin",
                        "c-962-1",
                        T0.plusSeconds(60));
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/961",
                view -> view.get("version").asLong() == 1);
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/962",
                view -> view.get("version").asLong() == 1);
    }

    @Test
    void aCoordinatorIsOfferedTheFormForTheirOwnOrganisationsActionsOnlyWithTheLoadedVersion() {
        Browser coordinator = signedIn("coordinator");

        String own = coordinator.get(OWN).body();
        assertThat(own)
                .contains(
                        "id=\"change-status\"",
                        "id=\"change-assignment\"",
                        "id=\"change-timeframe\"",
                        "name=\"version\" value=\"1\"",
                        "Change the status");
        String others = coordinator.get(OTHERS).body();
        assertThat(others).contains("Action 962").doesNotContain("change-status", "Change the status");
    }

    @Test
    void theFormSpeaksDutchToo() {
        Browser coordinator = signedIn("coordinator");

        assertThat(coordinator.get(OWN + "?lang=nl").body()).contains("Deze actie wijzigen", "Status wijzigen");
    }

    @Test
    void anEvaluatorIsNotOfferedTheFormAndIsRefusedItsPost() {
        Browser evaluator = signedIn("evaluator");

        assertThat(evaluator.get(OWN).body())
                .contains("Action 961")
                .doesNotContain("change-status", "Change the status");
        HttpResponse<String> posted = evaluator.post(OWN + "/status", "version=1&status=ON_HOLD&reason=no");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("Not for your role");
    }

    @Test
    void anAdminIsOfferedTheFormForEveryActionAsCommandServiceLetsThemChangeAny() {
        assertThat(signedIn("admin").get(OTHERS).body()).contains("id=\"change-status\"");
    }

    @Test
    void aChangeWithoutTheFormsCsrfTokenIsRefused() {
        Browser coordinator = signedIn("coordinator");

        HttpResponse<String> posted =
                coordinator.postWithoutToken(OWN + "/status", "version=1&status=ON_HOLD&reason=r");
        assertThat(posted.statusCode()).isEqualTo(403);
        // no question of the role: the page says the form had expired
        assertThat(posted.body()).contains("The form had expired").doesNotContain("Not for your role");
    }

    @Test
    void whenCommandServiceCannotBeReachedThePageSaysSoAndKeepsWhatWasTyped() {
        Browser coordinator = signedIn("coordinator");
        coordinator.get(OWN);

        HttpResponse<String> posted = coordinator.post(
                OWN + "/status",
                "version=1&status=ON_HOLD&reason="
                        + URLEncoder.encode("Waiting for the budget", StandardCharsets.UTF_8));

        assertThat(posted.statusCode()).isEqualTo(503);
        assertThat(posted.body())
                .contains(
                        "id=\"change-problem\"",
                        "Your change could not be sent",
                        "Waiting for the budget",
                        "name=\"version\" value=\"1\"")
                .doesNotContain("Exception");
        assertThat(Pattern.compile("<option value=\"ON_HOLD\" selected=\"selected\"")
                        .matcher(posted.body())
                        .find())
                .as("the status chosen stays chosen")
                .isTrue();
    }

    private Browser signedIn(String user) {
        Browser browser = new Browser();
        browser.get("/login");
        HttpResponse<String> signedIn = browser.post("/login", "username=" + user + "&password=" + user);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    /**
     * A session as a browser keeps it: its cookie and the CSRF token of the last page. (Java's cookie store sends no
     * Secure cookie over plain HTTP, so the cookie is kept here.)
     */
    private final class Browser {

        private final HttpClient http = HttpClient.newHttpClient();
        private String session;
        private String csrf;

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, String form) {
            return postWithoutToken(path, form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }

        HttpResponse<String> postWithoutToken(String path, String form) {
            return send(request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", "en");
            if (session != null) {
                request.header("Cookie", "JSESSIONID=" + session);
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").forEach(cookie -> {
                    Matcher found = SESSION.matcher(cookie);
                    if (found.find()) {
                        session = found.group(1);
                    }
                });
                Matcher token = CSRF.matcher(response.body());
                if (token.find()) {
                    csrf = token.group(1);
                }
                return response;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
