package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may call what on query-service (every cell of the README's table), and hostile query parameters: each gets
 * a 4xx problem, never a 5xx.
 */
class AccessIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET  | /api/plans                                                 | anonymous | coordinator evaluator auditor admin",
                "GET  | /api/plans/eu-wap-nl/actions                               | anonymous | coordinator evaluator auditor admin",
                "GET  | /api/plans/eu-wap-nl/actions/1                             | anonymous | coordinator evaluator auditor admin",
                "GET  | /api/plans/eu-wap-nl/as-of?at=2025-01-01                   | anonymous | evaluator auditor admin",
                "GET  | /api/plans/eu-wap-nl/actions/1/as-of?at=2025-01-01         | anonymous | evaluator auditor admin",
                "GET  | /api/plans/eu-wap-nl/changes?from=2025-01-01&to=2025-02-01 | anonymous | evaluator auditor admin",
                "GET  | /api/plans/eu-wap-nl/report?from=2025-01-01&to=2025-02-01  | anonymous | evaluator auditor admin",
                "GET  | /api/plans/eu-wap-nl/actions/1/audit                       | anonymous | auditor admin",
                "GET  | /api/plans/eu-wap-nl/actions/1/history                     | anonymous | auditor admin",
                "GET  | /api/audit                                                 | anonymous | auditor admin",
                "GET  | /api/integrity/verify                                      | anonymous | auditor admin",
                "GET  | /api/integrity/export?size=1                               | anonymous | auditor admin",
                "POST | /api/integrity/verify                                      | anonymous | auditor admin",
                "GET  | /api/audit/verify                                          | anonymous | auditor admin",
                "GET  | /api/audit/export?size=1                                   | anonymous | auditor admin",
                "POST | /api/audit/verify                                          | anonymous | auditor admin",
                "GET  | /api/admin/projections                                     | anonymous | admin",
                "POST | /api/admin/projections/no-such-projection/replay           | anonymous | admin",
                "GET  | /actuator/info                                             | anonymous | admin",
                "GET  | /actuator/health                                           | -         | anonymous coordinator evaluator auditor admin",
                "GET  | /v3/api-docs                                               | -         | anonymous coordinator evaluator auditor admin",
            })
    void accessFollowsTheRoleTable(String method, String path, String ignored, String allowed) {
        for (String user : new String[] {"anonymous", "coordinator", "evaluator", "auditor", "admin"}) {
            HttpResponse<String> response = call(method, path, user);
            if ((" " + allowed + " ").contains(" " + user + " ")) {
                assertThat(response.statusCode())
                        .as(user + " " + path + " -> " + response.body())
                        .isNotIn(401, 403);
            } else if ("anonymous".equals(user)) {
                assertProblem(response, 401, "UNAUTHENTICATED");
            } else {
                assertProblem(response, 403, "FORBIDDEN");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/plans/eu-wap-nl/actions?status=1%27%20OR%20%271%27%3D%271",
                "/api/plans/eu-wap-nl/actions?priority=99999999999999999999",
                "/api/plans/eu-wap-nl/actions?commitment=GALACTIC",
                "/api/plans/%27%3B%20DROP%20TABLE%20query_model.action_view%3B--/actions",
                "/api/plans/eu-wap-nl/as-of?at=%0D%0AINFO%20forged",
                "/api/plans/eu-wap-nl/as-of?at=9999-12-31",
                "/api/plans/eu-wap-nl/as-of?at=2025-13-45",
                "/api/plans/eu-wap-nl/report?from=2025-01-01",
                "/api/plans/eu-wap-nl/changes?from=2025-02-01&to=2025-01-01",
                "/api/audit?page=99999999999",
                "/api/audit?before=99999999999999999999",
                "/api/audit?before=-1",
                "/api/audit?size=0",
                "/api/audit?from=2025-01-01",
                "/api/integrity/export?size=-1",
                "/api/integrity/export?after=99999999999999999999",
                "/api/integrity/export?after=1e3",
                "/api/integrity/export?page=%00",
                "/api/integrity/export?from=2025-01-01T00:00:00Z&after=-2",
                "/api/plans/eu-wap-nl/actions/1/audit?before=-5",
                "/api/plans/eu-wap-nl/actions/1/audit?size=99999999999",
                "/api/plans/eu-wap-nl/actions/1/audit?before=%27%3B--",
                "/api/audit?actor=" + "x" + "%0A%0D",
                "/api/audit?actor=x%00y",
                "/api/audit?planId=%00",
                "/api/integrity/export?actor=%00",
                "/api/plans/eu-wap-nl/actions?organisation=LVVN%00",
                "/api/audit?from=-999999999-01-01T00:00:00Z",
                "/api/audit?to=%2B999999999-12-31T23:59:59Z",
                "/api/integrity/export?from=-999999999-01-01T00:00:00Z",
                "/api/integrity/export?to=%2B999999999-12-31T23:59:59Z",
                "/api/plans/eu-wap-nl/as-of?at=-999999-01-01T00:00:00Z",
                "/api/plans/eu-wap-nl/changes?from=-999999-01-01T00:00:00Z&to=2025-01-01",
            })
    void hostileParametersGetAProblemNotAServerError(String path) {
        HttpResponse<String> response = call("GET", path, "admin");

        assertThat(response.statusCode()).as(path + " -> " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    /** Tomcat itself refuses a NUL in the address, before Spring sees it; the answer is a problem all the same. */
    @Test
    void aNulInTheAddressIsRefusedByTheServerWithAProblem() {
        HttpResponse<String> response = call("GET", "/api/plans/eu-wap-nl/actions/%00", "admin");

        assertProblem(response, 400, "REQUEST_REJECTED");
    }

    private HttpResponse<String> call(String method, String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!"anonymous".equals(user)) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        request = "POST".equals(method)
                ? request.header("X-Requested-With", "test").POST(HttpRequest.BodyPublishers.noBody())
                : request.GET();
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
