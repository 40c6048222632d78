package nl.actionledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import nl.actionledger.tooling.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production sign-in: an OAuth2 resource server that trusts tokens signed by the configured issuer's key.
 * The test is its own issuer: it signs tokens with a key pair whose public half the service is given.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JwtSignInIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final KeyPair ISSUER = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();
    private static final String AUDIENCE = "action-ledger";
    private static final String ISSUER_ID = "https://login.example.nl/realms/ledger";

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedPostgresDatabase.register(registry);
        Path publicKey = Files.createTempFile("issuer", ".pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("actionledger.security.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
        registry.add("actionledger.security.jwt.issuer", () -> ISSUER_ID);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theActorIsTheStableSubjectWithTheDisplayNameBesideIt() {
        assertThat(status(post(
                        "/api/plans/eu-wap-nl/actions/20/assignment",
                        token(ISSUER, "root", List.of("ADMIN"), null, 300),
                        "{\"organisation\":\"RVO\",\"reason\":\"CITES bureau\"}")))
                .isEqualTo(200);

        HttpResponse<String> change = post(
                "/api/plans/eu-wap-nl/actions/20/status",
                token(ISSUER, "r.devries", List.of("COORDINATOR"), "RVO", 300),
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"meetings planned\"}");

        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        Map<String, Object> metadata = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'actorName' AS actor_name
                        FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = 'eu-wap-nl/20' AND sequence_number = 2""").query().singleRow();
        assertThat(metadata).containsEntry("actor", "sub-r.devries").containsEntry("actor_name", "r.devries");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedThoughItsKeyIsTrusted() {
        String path = "/api/plans/eu-wap-nl/actions/24/status";
        JWTClaimsSet.Builder otherRealm =
                claims("root", List.of("ADMIN"), null, 300, AUDIENCE).issuer("https://login.example.nl/realms/other");

        HttpResponse<String> refused =
                post(path, token(ISSUER, otherRealm), "{\"status\":\"ON_HOLD\",\"reason\":\"x\"}");
        HttpResponse<String> noIssuer = post(
                path,
                token(
                        ISSUER,
                        claims("root", List.of("ADMIN"), null, 300, AUDIENCE).issuer(null)),
                "{\"status\":\"ON_HOLD\",\"reason\":\"x\"}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("UNAUTHENTICATED");
        assertThat(noIssuer.statusCode()).isEqualTo(401);
        assertThat(eventsOf("eu-wap-nl/24")).isEqualTo(1);
    }

    @Test
    void aTokenThatNamesNoUserIsRefusedAndStoresNothing() {
        String path = "/api/plans/eu-wap-nl/actions/27/status";
        String body = "{\"status\":\"ON_HOLD\",\"reason\":\"x\"}";

        for (String subject : new String[] {null, "", "   "}) {
            HttpResponse<String> refused = post(
                    path,
                    token(
                            ISSUER,
                            claims("root", List.of("ADMIN"), null, 300, AUDIENCE)
                                    .subject(subject)),
                    body);
            assertThat(refused.statusCode()).as("sub %s", subject).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).contains("UNAUTHENTICATED");
        }
        assertThat(eventsOf("eu-wap-nl/27")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_store.domain_event_entry
                        WHERE coalesce(btrim(convert_from(meta_data, 'UTF8')::jsonb ->> 'actor'), '') = ''""").query(Long.class).single()).isZero();
    }

    @Test
    void noTokenPassesAsThePlansOwnRegistration() {
        String path = "/api/plans/eu-wap-nl/actions/26/status";
        String body = "{\"status\":\"ON_HOLD\",\"reason\":\"x\"}";

        HttpResponse<String> bySubject = post(
                path,
                token(
                        ISSUER,
                        claims("root", List.of("ADMIN"), null, 300, AUDIENCE).subject("System")),
                body);
        HttpResponse<String> byName =
                post(path, token(ISSUER, claims("SYSTEM", List.of("ADMIN"), null, 300, AUDIENCE)), body);

        assertThat(bySubject.statusCode()).isEqualTo(401);
        assertThat(byName.statusCode()).isEqualTo(401);
        assertThat(eventsOf("eu-wap-nl/26")).isEqualTo(1);
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregate)
                .query(Long.class)
                .single();
    }

    @Test
    void aCoordinatorOfAnotherOrganisationIsRefused() {
        assertThat(status(post(
                        "/api/plans/eu-wap-nl/actions/21/assignment",
                        token(ISSUER, "root", List.of("ADMIN"), null, 300),
                        "{\"organisation\":\"RVO\",\"reason\":\"CITES bureau\"}")))
                .isEqualTo(200);

        HttpResponse<String> refused = post(
                "/api/plans/eu-wap-nl/actions/21/status",
                token(ISSUER, "k.bakker", List.of("COORDINATOR"), "Politie", 300),
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"not ours\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("NOT_PERMITTED");
    }

    @Test
    void refusesTokensItCannotTrustAndBasicCredentials() {
        String body = "{\"status\":\"IN_PROGRESS\",\"reason\":\"x\"}";
        String path = "/api/plans/eu-wap-nl/actions/23/status";
        assertThat(status(post(path, token(STRANGER, "mallory", List.of("ADMIN"), null, 300), body)))
                .isEqualTo(401);
        assertThat(status(post(path, token(ISSUER, "late", List.of("ADMIN"), null, -60), body)))
                .isEqualTo(401);
        // signed by the right issuer, but meant for another application (or for none in particular)
        assertThat(status(post(path, token(ISSUER, "other-app", List.of("ADMIN"), null, 300, "payroll"), body)))
                .isEqualTo(401);
        assertThat(status(post(path, token(ISSUER, "no-audience", List.of("ADMIN"), null, 300, null), body)))
                .isEqualTo(401);
        assertThat(status(post(path, "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()), body)))
                .isEqualTo(401);
        assertThat(status(post(path, null, body))).isEqualTo(401);
        // a bearer header that is not "Bearer <token68>" is refused as a malformed token, not read as no credentials
        HttpResponse<String> malformed = post(path, "Bearer not a token", body);
        assertThat(status(malformed)).isEqualTo(401);
        assertThat(malformed.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"action-ledger\", error=\"invalid_token\"");
        // the challenge names the scheme this mode accepts, and says why a token was refused
        assertThat(post(path, null, body).headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"action-ledger\"");
        assertThat(post(path, token(STRANGER, "mallory", List.of("ADMIN"), null, 300), body)
                        .headers()
                        .firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"action-ledger\", error=\"invalid_token\"");
        assertThat(status(post(path, token(ISSUER, "eve", List.of("EVALUATOR"), null, 300), body)))
                .isEqualTo(403);
        assertThat(status(post(path, token(ISSUER, "nobody", List.of("SUPERUSER"), null, 300), body)))
                .isEqualTo(403);
    }

    @Test
    void theApiHasNoSignOutOfItsOwn() {
        // Bearer tokens end with their expiry: no session to end, no /logout that redirects to a login page.
        HttpResponse<String> signOut = post("/logout", token(ISSUER, "root", List.of("ADMIN"), null, 300), "{}");

        assertThat(signOut.statusCode()).isEqualTo(403);
        assertThat(signOut.headers().firstValue("Location")).isEmpty();
        assertThat(signOut.body()).contains("FORBIDDEN");
    }

    private static String token(KeyPair key, String user, List<String> roles, String organisation, long validSeconds) {
        return token(key, user, roles, organisation, validSeconds, AUDIENCE);
    }

    private static String token(
            KeyPair key, String user, List<String> roles, String organisation, long validSeconds, String audience) {
        return token(key, claims(user, roles, organisation, validSeconds, audience));
    }

    /** What the issuer puts in a token: its id, the audience, a stable subject and the user name people read. */
    private static JWTClaimsSet.Builder claims(
            String user, List<String> roles, String organisation, long validSeconds, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER_ID)
                .audience(audience)
                .subject("sub-" + user)
                .claim("preferred_username", user)
                .claim("roles", roles)
                .issueTime(Date.from(Instant.now().minusSeconds(120)))
                .expirationTime(Date.from(Instant.now().plusSeconds(validSeconds)));
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        return claims;
    }

    private static String token(KeyPair key, JWTClaimsSet.Builder claims) {
        return TokenIssuer.bearer(key.getPrivate(), claims.build());
    }

    private HttpResponse<String> post(String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
