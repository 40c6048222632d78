package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.actionledger.support.testing.CommittedApiDescription;
import nl.actionledger.support.testing.DocumentedRoles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API description query-service serves is the one committed in openapi/query-service.json. */
class ApiDescriptionIntegrationTest extends QueryServiceIntegrationTestBase {

    @Test
    void theServedDescriptionIsTheCommittedOne() throws IOException {
        HttpResponse<String> served = get(null, "/v3/api-docs");

        assertThat(served.statusCode()).isEqualTo(200);
        CommittedApiDescription.check("query-service", served.body());
    }

    /** The roles the description gives each endpoint are those the security rules enforce, call by call. */
    @Test
    void theDocumentedRolesAreTheEnforcedOnes() {
        DocumentedRoles.assertEnforced(port, get(null, "/v3/api-docs").body());
    }

    /**
     * Basic mode refuses a change without a JSON body unless it carries X-Requested-With (any value:
     * CrossSiteRequestIntegrationTest); the description offers the header with a value, which Swagger UI's "Try it
     * out" then sends.
     */
    @Test
    void aChangeWithoutABodyOffersTheHeaderBasicModeAsksFor() {
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(get(null, "/v3/api-docs").body())
                .get("paths");
        List<String> bodiless = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (!operation.getKey().equals("get")
                            && !operation.getValue().has("requestBody")) {
                        bodiless.add(operation.getKey() + " " + path.getKey());
                        assertThat(operation.getValue().get("parameters").findValuesAsString("name"))
                                .as(operation.getKey() + " " + path.getKey())
                                .contains("X-Requested-With");
                    }
                }));
        assertThat(bodiless).contains("post /api/integrity/verify");
    }
}
