package nl.actionledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.Assignment;
import nl.actionledger.support.testing.DocumentedProblems;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organisations as ids from the admin-managed list, through HTTP on a real PostgreSQL: an assignment names a listed
 * organisation or is refused, look-alike names match nothing, a sign-in's organisation is resolved through the list,
 * the list is changed by audited events, and assignments stored before (revision 1, free text) are read as ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OrganisationsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    Cache actionCache;

    // --- assignments name a listed organisation -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Inspectie Leefomgeving en Transport", "NVWA\\u200B", "NVW\\u0410", "N VWA", "nvwa-x"})
    void anAssignmentNamingAnOrganisationNotOnTheListIsRefusedAndStoresNothing(String organisation) {
        long before = events();

        HttpResponse<String> response = post(
                "admin",
                "/api/plans/eu-wap-nl/actions/20/assignment",
                "{\"organisation\":\"" + organisation + "\",\"reason\":\"who?\"}");

        assertProblem(response, 400, "UNKNOWN_ORGANISATION");
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nvwa", "NVWA", "  NVWA ", "Nvwa"})
    void anAssignmentIsStoredWithTheOrganisationsId(String organisation) {
        HttpResponse<String> response = post(
                "admin",
                "/api/plans/eu-wap-nl/actions/21/assignment",
                "{\"organisation\":\"" + organisation + "\",\"contact\":\"" + UUID.randomUUID()
                        + "\",\"reason\":\"inspections\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> stored = lastEventOf("eu-wap-nl/21");
        assertThat(stored.get("payload_revision")).isEqualTo("3");
        JsonNode payload = JSON.readTree((String) stored.get("payload"));
        assertThat(payload.get("newAssignment").get("organisationId").asString())
                .isEqualTo("nvwa");
        assertThat(payload.get("newAssignment").has("organisation")).isFalse();
    }

    @Test
    void anAliasNamesItsOrganisation() {
        HttpResponse<String> response = post(
                "admin",
                "/api/plans/eu-wap-nl/actions/27/assignment",
                "{\"organisation\":\"Customs\",\"reason\":\"border controls\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode payload = JSON.readTree((String) lastEventOf("eu-wap-nl/27").get("payload"));
        assertThat(payload.get("newAssignment").get("organisationId").asString())
                .isEqualTo("douane");
    }

    // --- the signed-in user's organisation --------------------------------------------------------------------

    @Test
    void aSignInWhoseOrganisationHasSurroundingSpacesIsThatOrganisation() {
        assign("23", "lvvn");

        HttpResponse<String> response = post(
                "spaced",
                "/api/plans/eu-wap-nl/actions/23/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"started\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zerowidth", "lookalike"})
    void aSignInWhoseOrganisationIsALookAlikeIsRefusedAndStoresNothing(String user) {
        assign("24", "lvvn");
        long before = events();

        assertProblem(
                post(
                        user,
                        "/api/plans/eu-wap-nl/actions/24/status",
                        "{\"status\":\"IN_PROGRESS\",\"reason\":\"started\"}"),
                403,
                "ORGANISATION_NOT_LISTED");
        assertProblem(
                post(
                        user,
                        "/api/plans/eu-wap-nl/actions/24/assignment",
                        "{\"organisation\":\"nvwa\",\"reason\":\"take it\"}"),
                403,
                "ORGANISATION_NOT_LISTED");
        assertThat(events()).isEqualTo(before);
    }

    // --- the list, kept by admins -----------------------------------------------------------------------------

    @Test
    void anAdminListsAnOrganisationAndEachChangeIsAnEventWithTheAdminAsActor() {
        HttpResponse<String> created = put(
                "admin",
                "/api/admin/organisations/ilt",
                "{\"displayName\":\"Inspectie Leefomgeving en Transport\",\"aliases\":[\"ILT\"],\"reason\":\"joins\"}",
                Map.of("X-Correlation-Id", "list-ilt"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(JSON.readTree(created.body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"id\":\"ilt\",\"displayName\":\"Inspectie Leefomgeving en Transport\",\"aliases\":[\"ILT\"],\"version\":0}"));
        Map<String, Object> registered = lastEventOf("organisation:ilt");
        assertThat(registered.get("payload_type")).isEqualTo("nl.actionledger.events.OrganisationRegisteredEvent");
        assertThat(registered.get("type")).isEqualTo("Organisation");
        JsonNode metadata = JSON.readTree((String) registered.get("meta"));
        assertThat(metadata.get("actor").asString()).isEqualTo("admin");
        assertThat(metadata.get("correlationId").asString()).isEqualTo("list-ilt");
        assertThat(JSON.readTree((String) registered.get("payload"))
                        .get("reason")
                        .asString())
                .isEqualTo("joins");

        // at once usable, by id and by alias
        assertThat(post(
                                "admin",
                                "/api/plans/eu-wap-nl/actions/29/assignment",
                                "{\"organisation\":\"ILT\",\"reason\":\"transport\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> changed = put(
                "admin",
                "/api/admin/organisations/ilt",
                "{\"displayName\":\"ILT\",\"aliases\":[\"Inspectie Leefomgeving en Transport\"],\"reason\":\"short name\"}",
                Map.of());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        Map<String, Object> change = lastEventOf("organisation:ilt");
        assertThat(change.get("payload_type")).isEqualTo("nl.actionledger.events.OrganisationChangedEvent");
        JsonNode payload = JSON.readTree((String) change.get("payload"));
        assertThat(payload.get("previousDisplayName").asString()).isEqualTo("Inspectie Leefomgeving en Transport");
        assertThat(payload.get("displayName").asString()).isEqualTo("ILT");
        assertThat(JSON.readTree((String) change.get("meta")).get("actor").asString())
                .isEqualTo("admin");

        assertProblem(
                put(
                        "admin",
                        "/api/admin/organisations/ilt",
                        "{\"displayName\":\"ILT\",\"aliases\":[\"Inspectie Leefomgeving en Transport\"],\"reason\":\"again\"}",
                        Map.of()),
                422,
                "NO_CHANGE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "coordinator|/api/admin/organisations/xyz|{\"displayName\":\"X\",\"aliases\":[],\"reason\":\"r\"}|403|FORBIDDEN",
                "admin|/api/admin/organisations/NVWA|{\"displayName\":\"X\",\"aliases\":[],\"reason\":\"r\"}|400|INVALID_ORGANISATION_ID",
                "admin|/api/admin/organisations/nvwa%E2%80%8B|{\"displayName\":\"X\",\"aliases\":[],\"reason\":\"r\"}|400|INVALID_ORGANISATION_ID",
                "admin|/api/admin/organisations/xyz|{\"displayName\":\"X\",\"aliases\":[\"LNV\"],\"reason\":\"r\"}|409|ALIAS_TAKEN",
                "admin|/api/admin/organisations/lnv|{\"displayName\":\"X\",\"aliases\":[],\"reason\":\"r\"}|409|ALIAS_TAKEN",
                "admin|/api/admin/organisations/xyz|{\"displayName\":\"X\",\"aliases\":[\"XY\\u200B\"],\"reason\":\"r\"}|400|INVALID_ALIAS",
                "admin|/api/admin/organisations/xyz|{\"displayName\":\"X\",\"aliases\":[\"XY\",\"xy \"],\"reason\":\"r\"}|400|INVALID_ALIAS",
                "admin|/api/admin/organisations/xyz|{\"displayName\":\"X\",\"aliases\":[],\"reason\":\" \"}|400|VALIDATION_FAILED",
                "admin|/api/admin/organisations/xyz|{\"displayName\":\"X\",\"aliases\":[],\"reason\":\"r\",\"actor\":\"someone\"}|400|UNKNOWN_FIELD"
            })
    void refusesABadDefinitionAndStoresNothing(String line) {
        String[] parts = line.split("\\|");
        long before = events();

        assertProblem(put(parts[0], parts[1], parts[2], Map.of()), Integer.parseInt(parts[3]), parts[4]);
        assertThat(events()).isEqualTo(before);
    }

    // --- assignments stored before organisations were a list -----------------------------------------------------

    /**
     * An ActionReassignedEvent of revision 1, as the service stored it before (free text), put into the table as bytes:
     * it is read as revision 3 with the organisation's id, the Action decides on that id (the LVVN coordinator may change
     * an action assigned to "LNV "), and the stored bytes stay as they were.
     */
    @Test
    void anAssignmentOfTheOldRevisionIsReadWithTheOrganisationsId() {
        String aggregate = "eu-wap-nl/26";
        String revision1 = "{\"action\":{\"planId\":\"eu-wap-nl\",\"actionId\":\"26\"},\"previousAssignment\":null,"
                + "\"newAssignment\":{\"organisation\":\"LNV \",\"contact\":\"Programme team\"},\"reason\":\"before the list\"}";
        jdbc.sql("""
                        INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                            type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (gen_random_uuid()::text, ?, 1, 'Action', ?, 'nl.actionledger.events.ActionReassignedEvent',
                                '1', convert_to(?, 'UTF8'), convert_to('{"actor":"admin","correlationId":"legacy"}', 'UTF8'))""")
                .param(aggregate)
                .param(Instant.now().toString())
                .param(revision1)
                .update();
        actionCache.removeAll();

        DomainEventMessage<?> read = eventStore
                .readEvents(aggregate)
                .asStream()
                .filter(message -> message.getSequenceNumber() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(read.getPayload())
                .isEqualTo(new ActionReassignedEvent(
                        ActionRef.of("eu-wap-nl", "26"),
                        null,
                        new Assignment("lvvn", null, "Programme team"),
                        "before the list"));

        HttpResponse<String> response = post(
                "coordinator",
                "/api/plans/eu-wap-nl/actions/26/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"ours since before the list\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Map<String, Object> stored = jdbc.sql("""
                        SELECT payload_revision, convert_from(payload, 'UTF8') AS payload FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = ? AND sequence_number = 1""").param(aggregate).query().singleRow();
        assertThat(stored.get("payload_revision")).isEqualTo("1");
        assertThat(stored.get("payload")).isEqualTo(revision1);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void assign(String actionId, String organisation) {
        HttpResponse<String> response = post(
                "admin",
                "/api/plans/eu-wap-nl/actions/" + actionId + "/assignment",
                "{\"organisation\":\"" + organisation + "\",\"reason\":\"theirs\"}");
        assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();
    }

    private Map<String, Object> lastEventOf(String aggregate) {
        return jdbc.sql("""
                        SELECT type, payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload,
                               convert_from(meta_data, 'UTF8') AS meta
                        FROM event_store.domain_event_entry WHERE aggregate_identifier = ?
                        ORDER BY sequence_number DESC LIMIT 1""").param(aggregate).query().singleRow();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String errorCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("errorCode").asString()).isEqualTo(errorCode);
        DocumentedProblems.assertListed("command-service", response, errorCode);
    }

    private HttpResponse<String> post(String user, String path, String body) {
        return send(request(user, path)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> put(String user, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(user, path).PUT(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder request(String user, String path) {
        String password = switch (user) {
            case "spaced", "zerowidth", "lookalike" -> "coordinator";
            default -> user;
        };
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
