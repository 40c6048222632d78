package nl.actionledger.support.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ActionReassignedEventUpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void revisionOneAssignmentsNameTheirOrganisationByIdAndTheirClearContactAsLegacy() throws Exception {
        JsonNode revision1 = JSON.readTree("""
                {"action":{"planId":"eu-wap-nl","actionId":"28"},
                 "previousAssignment":{"organisation":"LNV ","contact":"Team"},
                 "newAssignment":{"organisation":"NVWA","contact":null},"reason":"handed over"}""");

        JsonNode revision3 = ActionReassignedEventUpcaster.upcast(revision1);

        assertThat(revision3).isEqualTo(JSON.readTree("""
                {"action":{"planId":"eu-wap-nl","actionId":"28"},
                 "previousAssignment":{"organisationId":"lvvn","contactPerson":null,"legacyContact":"Team"},
                 "newAssignment":{"organisationId":"nvwa","contactPerson":null,"legacyContact":null},"reason":"handed over"}"""));
        assertThat(revision1.get("newAssignment").get("organisation").asText())
                .as("the input is left alone")
                .isEqualTo("NVWA");
    }

    @Test
    void aFirstAssignmentHasNoPreviousOne() throws Exception {
        JsonNode revision2 = ActionReassignedEventUpcaster.upcast(JSON.readTree("""
                {"action":{"planId":"p","actionId":"1"},"previousAssignment":null,
                 "newAssignment":{"organisation":"NVWA\u200B","contact":"x"},"reason":"r"}"""));

        assertThat(revision2.get("previousAssignment").isNull()).isTrue();
        assertThat(revision2.get("newAssignment").get("organisationId").asText())
                .startsWith("unlisted-nvwa-");
    }

    @Test
    void revisionTwoKeepsItsOrganisationIdAndItsClearContactBecomesLegacy() throws Exception {
        JsonNode revision3 = ActionReassignedEventUpcaster.upcastRevision2(JSON.readTree("""
                {"action":{"planId":"p","actionId":"1"},
                 "previousAssignment":{"organisationId":"lvvn","contact":null},
                 "newAssignment":{"organisationId":"nvwa","contact":"J. Jansen"},"reason":"r"}"""));

        assertThat(revision3.get("previousAssignment"))
                .isEqualTo(
                        JSON.readTree("{\"organisationId\":\"lvvn\",\"contactPerson\":null,\"legacyContact\":null}"));
        assertThat(revision3.get("newAssignment"))
                .isEqualTo(JSON.readTree(
                        "{\"organisationId\":\"nvwa\",\"contactPerson\":null,\"legacyContact\":\"J. Jansen\"}"));
    }
}
