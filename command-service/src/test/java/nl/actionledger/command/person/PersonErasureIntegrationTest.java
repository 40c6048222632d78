package nl.actionledger.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.actionledger.events.SealedContact;
import nl.actionledger.support.person.ContactSeal;
import nl.actionledger.support.testing.DatabaseScan;
import nl.actionledger.support.testing.DocumentedProblems;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact persons on a real PostgreSQL, through HTTP: an assignment's event holds the person's id and their sealed
 * name, never the name; the same name at the same organisation is the same person; erasing appends the erasure and
 * deletes the key together, after which no table holds the name or anything that opens it; and the database itself
 * refuses a key deleted without an erasure, or changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonErasureIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String databaseUrl;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        databaseUrl = EmbeddedPostgresDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anErasedPersonsNameCanBeReadNowhereAndTheErasureIsAnEventOfTheAdmin() {
        String name = "Wilhelmina Zwartkop-" + UUID.randomUUID().toString().substring(0, 8);
        String reason = "Handover to the NVWA wildlife desk " + UUID.randomUUID();
        assertThat(assign("60", "NVWA", name, reason).statusCode()).isEqualTo(200);
        assertThat(assign("61", "nvwa", " " + name + " ", "the same person").statusCode())
                .isEqualTo(200);
        assertThat(assign("62", "Customs", name, "a namesake at Customs").statusCode())
                .isEqualTo(200);

        SealedContact contact = contactOf("eu-wap-nl/60");
        assertThat(contactOf("eu-wap-nl/61").personId())
                .as("same name, same organisation")
                .isEqualTo(contact.personId());
        assertThat(contactOf("eu-wap-nl/62").personId())
                .as("another organisation")
                .isNotEqualTo(contact.personId());
        byte[] key = jdbc.sql("SELECT key FROM event_store.person_key WHERE person_id = ?")
                .param(contact.personId())
                .query(byte[].class)
                .single();
        assertThat(ContactSeal.open(key, contact)).as("the key opens it before").contains(name);
        DataSource superuser = EmbeddedPostgresDatabase.superuser(databaseUrl);
        assertThat(DatabaseScan.occurrences(superuser, reason))
                .as("the scan finds what is stored in clear")
                .anySatisfy(place -> assertThat(place).startsWith("event_store.domain_event_entry.payload"));
        assertThat(DatabaseScan.occurrences(superuser, name))
                .as("the name is never stored in clear")
                .isEmpty();

        HttpResponse<String> erased = erase("admin", contact.personId(), "{\"reason\":\"Request under GDPR art. 17\"}");

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(json(erased.body()))
                .isEqualTo(json("{\"personId\":\"" + contact.personId() + "\",\"erased\":true}"));
        Map<String, Object> event =
                jdbc.sql("""
                        SELECT payload_type, sequence_number, convert_from(payload, 'UTF8') AS payload,
                               convert_from(meta_data, 'UTF8') AS meta FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = ?""").param("person:" + contact.personId()).query().singleRow();
        assertThat(event.get("payload_type")).isEqualTo("nl.actionledger.events.PersonErasedEvent");
        assertThat(event.get("sequence_number")).isEqualTo(0L);
        assertThat(json((String) event.get("payload")))
                .isEqualTo(json(
                        "{\"personId\":\"" + contact.personId() + "\",\"reason\":\"Request under GDPR art. 17\"}"));
        assertThat(json((String) event.get("meta")).get("actor").asString()).isEqualTo("admin");
        assertThat(jdbc.sql("SELECT count(*) FROM event_store.person_key WHERE person_id = ?")
                        .param(contact.personId())
                        .query(Long.class)
                        .single())
                .as("the key is gone")
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_store.person_key WHERE person_id = ?")
                        .param(contactOf("eu-wap-nl/62").personId())
                        .query(Long.class)
                        .single())
                .as("the namesake stays")
                .isOne();
        assertThat(DatabaseScan.occurrences(superuser, name)).isEmpty();
        assertThat(DatabaseScan.occurrences(superuser, Base64.getEncoder().encodeToString(key)))
                .as("nor is the key anywhere")
                .isEmpty();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM event_store.domain_event_entry WHERE position(?::bytea IN payload) > 0")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> again = erase("admin", contact.personId(), "{\"reason\":\"twice\"}");
        assertProblem(again, 409, "PERSON_ALREADY_ERASED");

        // The same name given again afterwards is a new person, with a key of their own.
        assertThat(assign("60", "NVWA", name, "named again after the erasure").statusCode())
                .isEqualTo(200);
        assertThat(contactOf("eu-wap-nl/60").personId()).isNotEqualTo(contact.personId());
    }

    @Test
    void badErasuresAreProblemsAndStoreNothing() {
        assertThat(assign("63", "NVWA", "Pieter Bad-Requests", "lead").statusCode())
                .isEqualTo(200);
        String personId = contactOf("eu-wap-nl/63").personId();
        long events = eventCount();

        assertProblem(erase("admin", UUID.randomUUID().toString(), "{\"reason\":\"who?\"}"), 404, "PERSON_NOT_FOUND");
        assertProblem(erase("admin", "not-a-uuid", "{\"reason\":\"r\"}"), 400, "INVALID_PERSON_ID");
        assertProblem(erase("admin", personId.toUpperCase(), "{\"reason\":\"r\"}"), 400, "INVALID_PERSON_ID");
        assertProblem(erase("admin", personId, "{}"), 400, "VALIDATION_FAILED");
        assertProblem(erase("admin", personId, "{\"reason\":\"  \"}"), 400, "VALIDATION_FAILED");
        assertProblem(erase("admin", personId, "{\"reason\":\"r\",\"actor\":\"someone-else\"}"), 400, "UNKNOWN_FIELD");
        assertProblem(erase("admin", personId, "{\"reason\":"), 400, "MALFORMED_JSON");
        assertProblem(erase("coordinator", personId, "{\"reason\":\"not mine to erase\"}"), 403, "FORBIDDEN");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM event_store.person_key WHERE person_id = ?")
                        .param(personId)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void theDatabaseRefusesAKeyDeletedWithoutAnErasureOrChanged() throws Exception {
        assertThat(assign("66", "NVWA", "Greet Undeletable", "lead").statusCode())
                .isEqualTo(200);
        String personId = contactOf("eu-wap-nl/66").personId();

        for (String login : List.of(EmbeddedPostgresDatabase.RUNTIME, EmbeddedPostgresDatabase.OWNER)) {
            try (Connection connection =
                    EmbeddedPostgresDatabase.connect(databaseUrl, login).getConnection()) {
                JdbcClient as = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                assertThatThrownBy(() -> as.sql("DELETE FROM event_store.person_key WHERE person_id = ?")
                                .param(personId)
                                .update())
                        .as(login)
                        .hasStackTraceContaining("PersonErasedEvent");
                assertThatThrownBy(() -> as.sql("UPDATE event_store.person_key SET key = key WHERE person_id = ?")
                                .param(personId)
                                .update())
                        .as(login)
                        .hasStackTraceContaining(
                                login.equals(EmbeddedPostgresDatabase.OWNER) ? "never changed" : "permission denied");
            }
        }
        try (Connection connection = EmbeddedPostgresDatabase.connect(databaseUrl, EmbeddedPostgresDatabase.READER)
                .getConnection()) {
            JdbcClient reader = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(reader.sql("SELECT key FROM event_store.person_key WHERE person_id = ?")
                            .param(personId)
                            .query(byte[].class)
                            .list())
                    .hasSize(1);
            assertThatThrownBy(() -> reader.sql("SELECT name_digest FROM event_store.person_key")
                            .query()
                            .listOfRows())
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() ->
                            reader.sql("DELETE FROM event_store.person_key").update())
                    .hasStackTraceContaining("permission denied");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM event_store.person_key WHERE person_id = ?")
                        .param(personId)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void aRefusedAssignmentKeepsNoNewPerson() {
        long people = jdbc.sql("SELECT count(*) FROM event_store.person_key")
                .query(Long.class)
                .single();
        HttpResponse<String> refused = post(
                "coordinator",
                "/api/plans/eu-wap-nl/actions/69/assignment",
                "{\"organisation\":\"NVWA\",\"contact\":\"Not Kept\",\"reason\":\"not assigned to me\"}");
        assertProblem(refused, 403, "NOT_PERMITTED");
        assertProblem(
                assign("69", "NVWA", " [Erased] ", "a name that would pass for an erased one"),
                400,
                "VALIDATION_FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM event_store.person_key")
                        .query(Long.class)
                        .single())
                .isEqualTo(people);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();
    }

    private SealedContact contactOf(String aggregate) {
        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""").param(aggregate).query(String.class).single();
        JsonNode person = json(payload).get("newAssignment").get("contactPerson");
        assertThat(json(payload).get("newAssignment").get("legacyContact").isNull())
                .isTrue();
        return new SealedContact(
                person.get("personId").asString(), person.get("sealedName").asString());
    }

    private HttpResponse<String> assign(String actionId, String organisation, String contact, String reason) {
        return post(
                "admin",
                "/api/plans/eu-wap-nl/actions/" + actionId + "/assignment",
                "{\"organisation\":" + JSON.writeValueAsString(organisation) + ",\"contact\":"
                        + JSON.writeValueAsString(contact) + ",\"reason\":" + JSON.writeValueAsString(reason) + "}");
    }

    private HttpResponse<String> erase(String user, String personId, String body) {
        return post(user, "/api/admin/people/" + personId + "/erase", body);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String errorCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response.body()).get("errorCode").asString()).isEqualTo(errorCode);
        DocumentedProblems.assertListed("command-service", response, errorCode);
    }

    private HttpResponse<String> post(String user, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
