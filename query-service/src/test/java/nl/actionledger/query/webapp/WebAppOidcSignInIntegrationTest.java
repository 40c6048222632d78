package nl.actionledger.query.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.actionledger.query.QueryServiceApplication;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web app's sign-in in jwt mode, through the real redirects between query-service and an OpenID Connect issuer
 * ({@link TestOidcIssuer}, which refuses an authorization request without a PKCE challenge and a code exchange without
 * its verifier): who the user is and what they may do come from the access token, read as the API reads it, and a
 * change made in the app reaches command-service with that token (here a stand-in that records what it is sent).
 */
class WebAppOidcSignInIntegrationTest {

    private static final String SIGN_IN_AT_THE_ISSUER = "/oauth2/authorization/" + WebAppSecurity.REGISTRATION;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static TestOidcIssuer issuer;
    private static HttpServer commandService;
    private static final List<String> commandServiceAuthorizations = new CopyOnWriteArrayList<>();
    private static ConfigurableApplicationContext queryService;
    private static String baseUrl;

    @BeforeAll
    static void start() throws IOException {
        issuer = TestOidcIssuer.start();
        commandService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        commandService.createContext("/api/plans/", exchange -> {
            commandServiceAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body =
                    "{\"planId\":\"eu-wap-nl\",\"actionId\":\"28\",\"version\":4}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        commandService.start();

        String url = EmbeddedPostgresDatabase.newDatabase();
        QueryServiceIntegrationTestBase.migrateEventStore(url);
        Map<String, String> properties = new LinkedHashMap<>(EmbeddedPostgresDatabase.serviceProperties(url));
        properties.put("spring.datasource.username", EmbeddedPostgresDatabase.READER);
        properties.put("server.port", "0");
        properties.putAll(issuer.serviceProperties());
        properties.put(
                "actionledger.web-app.command-service-url",
                "http://127.0.0.1:" + commandService.getAddress().getPort());
        // Java's cookie store, unlike a browser, keeps a Secure cookie from http://localhost to itself
        properties.put("server.servlet.session.cookie.secure", "false");
        queryService = new SpringApplicationBuilder(QueryServiceApplication.class)
                .profiles("test")
                .run(properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        baseUrl = "http://localhost:"
                + ((WebServerApplicationContext) queryService).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (queryService != null) {
            queryService.close();
        }
        commandService.stop(0);
        issuer.close();
    }

    @Test
    void aCoordinatorSignsInAtTheIssuerWithPkceAndTheirChangeCarriesTheirAccessToken() throws Exception {
        Browser browser = new Browser();
        issuer.signInNext(new TestOidcIssuer.Person("c-7f3a9", "Coördinator Jansen", "COORDINATOR", "LVVN"));

        Visit login = browser.open(baseUrl + "/");
        assertThat(login.addresses().get(login.addresses().size() - 1)).isEqualTo(baseUrl + "/login");
        assertThat(login.body()).contains("href=\"" + SIGN_IN_AT_THE_ISSUER + "\"");

        Visit signIn = browser.open(baseUrl + SIGN_IN_AT_THE_ISSUER);
        String authorization = signIn.addresses().stream()
                .filter(address -> address.startsWith(issuer.issuer()))
                .findFirst()
                .orElseThrow();
        assertThat(authorization)
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("client_id=" + TestOidcIssuer.CLIENT_ID);
        assertThat(signIn.status()).as("back on the page first asked for").isEqualTo(200);
        // Spring Security marks the return to a saved request with "?continue"
        assertThat(signIn.addresses().get(signIn.addresses().size() - 1)).isEqualTo(baseUrl + "/?continue");
        assertThat(signIn.body()).as("the actor of the access token").contains("c-7f3a9");

        Matcher csrf = CSRF.matcher(signIn.body());
        assertThat(csrf.find()).as("a CSRF token in the page's forms").isTrue();
        HttpResponse<String> change = browser.post(
                baseUrl + "/actions/eu-wap-nl/28/status",
                Map.of("_csrf", csrf.group(1), "version", "3", "status", "IN_PROGRESS", "reason", "Campaign started"));

        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(change.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/actions/eu-wap-nl/28?changed=4"));
        List<String> issued = issuer.accessTokens();
        assertThat(commandServiceAuthorizations).last().isEqualTo("Bearer " + issued.get(issued.size() - 1));
    }

    @Test
    void anAccessTokenTheApiWouldRefuseFailsTheSignIn() throws Exception {
        Browser browser = new Browser();
        issuer.signInNext(
                new TestOidcIssuer.Person("e-1b2c", "Evaluator", "EVALUATOR", null).forAudience("another-application"));

        Visit signIn = browser.open(baseUrl + SIGN_IN_AT_THE_ISSUER);

        assertThat(signIn.addresses().get(signIn.addresses().size() - 1)).isEqualTo(baseUrl + "/login?error");
        assertThat(signIn.body()).contains("Signing in did not succeed");
        assertThat(browser.open(baseUrl + "/").addresses()).last().isEqualTo(baseUrl + "/login");
    }

    @Test
    void theSessionEndsWhenItsAccessTokenExpires() throws Exception {
        Browser browser = new Browser();
        issuer.signInNext(new TestOidcIssuer.Person("e-5d6e", "Evaluator", "EVALUATOR", null)
                .expiringAfter(Duration.ofSeconds(2)));
        Visit signedIn = browser.open(baseUrl + SIGN_IN_AT_THE_ISSUER);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).contains("e-5d6e");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(browser.open(baseUrl + "/").addresses())
                        .last()
                        .isEqualTo(baseUrl + "/login"));
    }

    /** The pages a request led to, following redirects as a browser does, and the last answer. */
    private record Visit(List<String> addresses, int status, String body) {}

    /** A browser's cookie jar and its way of following redirects, across query-service and the issuer. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Visit open(String address) throws IOException, InterruptedException {
            List<String> addresses = new ArrayList<>();
            URI next = URI.create(address);
            for (int hop = 0; hop < 10; hop++) {
                addresses.add(next.toString());
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(next)
                                .header("Accept-Language", "en")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 3) {
                    return new Visit(addresses, response.statusCode(), response.body());
                }
                next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            }
            throw new AssertionError("More than 10 redirects: " + addresses);
        }

        HttpResponse<String> post(String address, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create(address))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
