package nl.actionledger.query.organisation;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationIds;
import nl.actionledger.events.OrganisationRegisteredEvent;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The list of organisations on the read side: its own projection and {@code GET /api/organisations}, the display name
 * beside the id in the views, filters that take the id exactly, the audit trail of changes to the list, and assignments
 * stored as free text (revision 1) read as ids through the upcaster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationsIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");
    private static final String ID = "q-nvwa";

    @BeforeAll
    void history() {
        appendOrganisationEvent(
                0, new OrganisationRegisteredEvent(ID, "NVWA", List.of(), "listed at start"), "system", T0);
        appendOrganisationEvent(
                1,
                new OrganisationChangedEvent(
                        ID,
                        "NVWA",
                        List.of(),
                        "Nederlandse Voedsel- en Warenautoriteit",
                        List.of("NVWA", "Food Authority"),
                        "full name"),
                "admin",
                T0.plusSeconds(60));
        new History(action("601"))
                .then(
                        registered(
                                "601",
                                601,
                                9,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(
                                action("601"), null, new Assignment(ID, null, "J. Jansen"), "inspections"),
                        "admin",
                        "c-601",
                        T0.plusSeconds(120));
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/601",
                view -> view.get("version").asLong() == 1);
        awaitJson(
                "evaluator",
                "/api/organisations",
                list -> organisation(list, ID) != null
                        && organisation(list, ID).get("version").asLong() == 1);
    }

    @Test
    void listsTheOrganisationsWithTheirCurrentNameAndAliases() {
        JsonNode nvwa = organisation(getJson("coordinator", "/api/organisations"), ID);

        assertThat(nvwa.get("displayName").asString()).isEqualTo("Nederlandse Voedsel- en Warenautoriteit");
        assertThat(nvwa.get("aliases").toString()).isEqualTo("[\"NVWA\",\"Food Authority\"]");
        assertThat(Instant.parse(nvwa.get("registeredAt").asString())).isEqualTo(T0);
        assertThat(Instant.parse(nvwa.get("lastChangedAt").asString())).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anActionShowsItsOrganisationsIdAndDisplayName() {
        JsonNode view = getJson("evaluator", "/api/plans/eu-wap-nl/actions/601");

        assertThat(view.get("organisation").asString()).isEqualTo(ID);
        assertThat(view.get("organisationName").asString()).isEqualTo("Nederlandse Voedsel- en Warenautoriteit");
        JsonNode asOf = getJson("evaluator", "/api/plans/eu-wap-nl/actions/601/as-of?at=" + T0.plusSeconds(180));
        assertThat(asOf.get("action").get("organisation").asString()).isEqualTo(ID);
        assertThat(asOf.get("action").get("organisationName").asString())
                .isEqualTo("Nederlandse Voedsel- en Warenautoriteit");
    }

    @Test
    void theListIsFilteredByTheOrganisationsId() {
        JsonNode filtered = getJson("evaluator", "/api/plans/eu-wap-nl/actions?organisation=" + ID);

        List<String> ids = new ArrayList<>();
        filtered.forEach(action -> ids.add(action.get("actionId").asString()));
        assertThat(ids).containsExactly("601");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q-NVWA", "q-nvwa%E2%80%8B", "q-nvwa%20", "q-nvw%D0%B0", "NVWA", "q_nvwa"})
    void aFilterThatIsNotAnOrganisationsIdIsRefused(String organisation) {
        for (String path : List.of(
                "/api/plans/eu-wap-nl/actions?organisation=",
                "/api/plans/eu-wap-nl/as-of?at=" + T0.plusSeconds(180) + "&organisation=")) {
            HttpResponse<String> response = get("evaluator", path + organisation);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response.body()).get("errorCode").asString()).isEqualTo("INVALID_ORGANISATION_ID");
        }
    }

    @Test
    void changesToTheListAreInTheAuditTrailWithActorReasonAndBeforeAndAfter() {
        JsonNode page = getJson("auditor", "/api/audit?planId=organisations&actionId=" + ID);

        JsonNode entries = page.get("entries");
        assertThat(entries).hasSize(2);
        JsonNode change = entries.get(0);
        assertThat(change.get("type").asString()).isEqualTo("OrganisationChanged");
        assertThat(change.get("actor").asString()).isEqualTo("admin");
        assertThat(change.get("reason").asString()).isEqualTo("full name");
        assertThat(change.get("changes").toString())
                .contains(
                        "{\"field\":\"displayName\",\"before\":\"NVWA\",\"after\":\"Nederlandse Voedsel- en Warenautoriteit\"}",
                        "{\"field\":\"aliases\",\"before\":null,\"after\":\"NVWA, Food Authority\"}");
        assertThat(entries.get(1).get("actor").asString()).isEqualTo("system");
    }

    /**
     * An assignment as the service stored it before organisations were a list: revision 1, the organisation in free
     * text. Put into the table as bytes, it reaches every projection as revision 2, with the id the frozen table of
     * legacy names gives it.
     */
    @Test
    void anAssignmentOfTheOldRevisionIsProjectedWithTheOrganisationsId() {
        new History(action("602"))
                .then(
                        registered(
                                "602",
                                602,
                                9,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        T0);
        String revision1 = "{\"action\":{\"planId\":\"eu-wap-nl\",\"actionId\":\"602\"},\"previousAssignment\":null,"
                + "\"newAssignment\":{\"organisation\":\"Customs \",\"contact\":\"K. Bakker\"},\"reason\":\"old\"}";
        asOwner(owner -> owner.sql("""
                        INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                            type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, 'eu-wap-nl/602', 1, 'Action', ?, 'nl.actionledger.events.ActionReassignedEvent', '1',
                                convert_to(?, 'UTF8'), convert_to('{"actor":"admin","correlationId":"legacy"}', 'UTF8'))""")
                .param(UUID.randomUUID().toString())
                .param(T0.plusSeconds(240).toString())
                .param(revision1)
                .update());

        JsonNode view = awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/602",
                v -> v.get("version").asLong() == 1);
        assertThat(view.get("organisation").asString()).isEqualTo("douane");
        assertThat(view.get("contact").asString()).isEqualTo("K. Bakker");
        JsonNode history = awaitJson(
                "auditor",
                "/api/plans/eu-wap-nl/actions/602/audit",
                page -> page.get("entries").size() == 2);
        assertThat(history.get("entries").get(0).get("changes").toString())
                .contains("{\"field\":\"organisation\",\"before\":null,\"after\":\"douane\"}");
        JsonNode asOf =
                getJson("evaluator", "/api/plans/eu-wap-nl/as-of?at=" + T0.plusSeconds(300) + "&organisation=douane");
        assertThat(asOf.get("actions"))
                .anySatisfy(
                        action -> assertThat(action.get("actionId").asString()).isEqualTo("602"));
    }

    private void appendOrganisationEvent(long sequenceNumber, Object payload, String actor, Instant at) {
        var event = new GenericDomainEventMessage<>(
                "Organisation",
                OrganisationIds.aggregateId(ID),
                sequenceNumber,
                payload,
                MetaData.with("actor", actor).and("correlationId", "org-" + sequenceNumber),
                UUID.randomUUID().toString(),
                at.truncatedTo(ChronoUnit.MILLIS));
        transactions.executeWithoutResult(tx -> eventStore.publish(event));
    }

    private static JsonNode organisation(JsonNode list, String id) {
        for (JsonNode organisation : list) {
            if (organisation.get("id").asString().equals(id)) {
                return organisation;
            }
        }
        return null;
    }
}
