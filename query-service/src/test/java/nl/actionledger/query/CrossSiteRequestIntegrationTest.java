package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In Basic mode a browser adds remembered credentials to requests other sites make it send. Those can have a form's or
 * plain text's body type and no header of their own: a state-changing request like that is refused.
 */
class CrossSiteRequestIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final String VERIFY = "/api/integrity/verify";

    @Test
    void aPostWithoutBodyTypeOrHeaderIsRefused() {
        assertProblem(
                post("auditor", VERIFY, Map.of(), HttpRequest.BodyPublishers.noBody()),
                403,
                "CROSS_SITE_REQUEST_REFUSED");
    }

    @Test
    void aPostWithAFormOrTextBodyIsRefused() {
        assertProblem(
                post(
                        "auditor",
                        VERIFY,
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        HttpRequest.BodyPublishers.ofString("a=b")),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(
                post(
                        "auditor",
                        VERIFY,
                        Map.of("Content-Type", "text/plain"),
                        HttpRequest.BodyPublishers.ofString("{}")),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aPostWithTheHeaderOrAJsonBodyTypeIsAccepted() {
        HttpResponse<String> withHeader =
                post("auditor", VERIFY, Map.of("X-Requested-With", "curl"), HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> asJson = post(
                "auditor", VERIFY, Map.of("Content-Type", "application/json"), HttpRequest.BodyPublishers.noBody());

        assertThat(withHeader.statusCode()).as(withHeader.body()).isEqualTo(202);
        assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(202);
    }

    @Test
    void whoMayCallWhatIsAnsweredFirst() {
        assertProblem(post(null, VERIFY, Map.of(), HttpRequest.BodyPublishers.noBody()), 401, "UNAUTHENTICATED");
        assertProblem(post("evaluator", VERIFY, Map.of(), HttpRequest.BodyPublishers.noBody()), 403, "FORBIDDEN");
    }
}
