package nl.actionledger.crudbaseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The baseline on a real PostgreSQL with the benchmark's kind of tokens: the same answers as Action Ledger for the
 * cases the benchmark and its writers meet, and an audit row with the actor and the reason for every change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrudBaselineIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final KeyPair ISSUER = rsaKeyPair();
    private static final String AUDIENCE = "action-ledger";
    private static final String PLAN = "eu-wap-nl";
    private static final AtomicInteger ACTIONS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void databaseAndIssuer(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        Path publicKey = Files.createTempFile("issuer", ".pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String admin = token("bench-admin", "ADMIN", null, AUDIENCE);
    private final String nvwa = token("j.jansen", "COORDINATOR", "NVWA", AUDIENCE);

    @Test
    void recordsEveryChangeAsAnAuditRowWithTheActorAndTheReason() {
        String actionId = actionAssignedTo("NVWA");

        HttpResponse<String> status =
                post(nvwa, actionId, "status", "{\"status\":\"IN_PROGRESS\",\"reason\":\"Kick-off held\"}", null);
        HttpResponse<String> timeframe = post(
                nvwa,
                actionId,
                "timeframe",
                "{\"timeframe\":\"Vanaf 2026\",\"reason\":\"Directive revised\"}",
                "\"2\"");

        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(status.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(status.body())
                .contains("\"planId\":\"eu-wap-nl\"", "\"actionId\":\"" + actionId + "\"", "\"version\":2");
        assertThat(timeframe.statusCode()).as(timeframe.body()).isEqualTo(200);
        assertThat(timeframe.headers().firstValue("ETag")).hasValue("\"3\"");
        List<Map<String, Object>> trail = jdbc.sql("""
                        SELECT a.revtype, a.status, a.organisation, a.timeframe, r.actor, r.reason
                        FROM action_aud a JOIN change_revision r ON r.id = a.rev
                        WHERE a.action_id = ? ORDER BY a.rev""").param(actionId).query().listOfRows();
        assertThat(trail)
                .extracting(row -> row.get("actor"))
                .containsExactly("bench-admin", "bench-admin", "j.jansen", "j.jansen");
        assertThat(trail)
                .extracting(row -> row.get("reason"))
                .containsExactly("Registered", "Assigned", "Kick-off held", "Directive revised");
        assertThat(trail).extracting(row -> row.get("revtype")).containsExactly(0, 1, 1, 1);
        assertThat(trail.get(3))
                .containsEntry("status", "IN_PROGRESS")
                .containsEntry("organisation", "NVWA")
                .containsEntry("timeframe", "Vanaf 2026");
    }

    @Test
    void aCoordinatorMayChangeOnlyTheActionsOfTheirOrganisation() {
        String actionId = actionAssignedTo("Customs");

        HttpResponse<String> refused =
                post(nvwa, actionId, "status", "{\"status\":\"IN_PROGRESS\",\"reason\":\"Not mine\"}", null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"errorCode\":\"NOT_PERMITTED\"");
        assertThat(auditRows(actionId)).isEqualTo(2);
        assertThat(post(admin, actionId, "status", "{\"status\":\"IN_PROGRESS\",\"reason\":\"Admin may\"}", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void ifMatchOnAnOlderVersionIsRefusedWith412AndStoresNothing() {
        String actionId = actionAssignedTo("NVWA");

        HttpResponse<String> stale =
                post(nvwa, actionId, "status", "{\"status\":\"ON_HOLD\",\"reason\":\"Stale\"}", "\"0\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("\"errorCode\":\"VERSION_MISMATCH\"");
        assertThat(auditRows(actionId)).isEqualTo(2);
    }

    @Test
    void aChangeThatChangesNothingIsRefusedWith422() {
        String actionId = actionAssignedTo("NVWA");

        HttpResponse<String> same = post(
                nvwa,
                actionId,
                "assignment",
                "{\"organisation\":\"NVWA\",\"contact\":\"Bench contact A\",\"reason\":\"Again\"}",
                null);

        assertThat(same.statusCode()).isEqualTo(422);
        assertThat(same.body()).contains("\"errorCode\":\"NO_CHANGE\"");
        assertThat(auditRows(actionId)).isEqualTo(2);
    }

    @Test
    void refusesMissingTokensTokensForAnotherAudienceAndUnknownActions() {
        String actionId = actionAssignedTo("NVWA");
        String body = "{\"status\":\"IN_PROGRESS\",\"reason\":\"Who am I\"}";

        assertThat(post(null, actionId, "status", body, null).statusCode()).isEqualTo(401);
        assertThat(post(token("j.jansen", "COORDINATOR", "NVWA", "another-app"), actionId, "status", body, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(token("e.val", "EVALUATOR", "NVWA", AUDIENCE), actionId, "status", body, null)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = post(admin, "no-such-action", "status", body, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"errorCode\":\"ACTION_NOT_FOUND\"");
    }

    private String actionAssignedTo(String organisation) {
        String actionId = "test-" + ACTIONS.incrementAndGet();
        HttpResponse<String> registered = send(
                admin,
                "PUT",
                "/api/admin/plans/" + PLAN + "/actions/" + actionId,
                "{\"status\":\"NOT_STARTED\",\"timeframe\":\"Doorlopend\",\"reason\":\"Registered\"}",
                null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> assigned = post(
                admin,
                actionId,
                "assignment",
                "{\"organisation\":\"" + organisation + "\",\"contact\":\"Bench contact A\",\"reason\":\"Assigned\"}",
                "\"0\"");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        return actionId;
    }

    private long auditRows(String actionId) {
        return jdbc.sql("SELECT count(*) FROM action_aud WHERE action_id = ?")
                .param(actionId)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> post(String token, String actionId, String kind, String body, String ifMatch) {
        return send(token, "POST", "/api/plans/" + PLAN + "/actions/" + actionId + "/" + kind, body, ifMatch);
    }

    private HttpResponse<String> send(String token, String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
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

    /** A token as the benchmark's issuer makes them. */
    private static String token(String user, String role, String organisation, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .subject(user)
                .claim("preferred_username", user)
                .claim("roles", List.of(role))
                .issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) ISSUER.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
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
