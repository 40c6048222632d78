package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import nl.actionledger.support.testing.CommittedApiDescription;
import org.junit.jupiter.api.Test;

/** The API description query-service serves is the one committed in openapi/query-service.json. */
class ApiDescriptionIntegrationTest extends QueryServiceIntegrationTestBase {

    @Test
    void theServedDescriptionIsTheCommittedOne() throws IOException {
        HttpResponse<String> served = get(null, "/v3/api-docs");

        assertThat(served.statusCode()).isEqualTo(200);
        CommittedApiDescription.check("query-service", served.body());
    }
}
