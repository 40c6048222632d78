package nl.actionledger.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.query.TestEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Tamper evidence: someone with superuser access edits, deletes, reorders or truncates history behind the
 * system's back, and {@code /api/audit/verify} names each one. Every tampering is undone afterwards, so the
 * other tests see an intact history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final String PLAN = "nl-tamper";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @BeforeAll
    void historyAndCheckpoint() {
        for (int a = 1; a <= 6; a++) {
            ActionRef action = ActionRef.of(PLAN, Integer.toString(a));
            History history = new History(action).then(TestEvents.registered(action, 9, 3, ImplementationStatus.NOT_STARTED,
                    TestEvents.RANGE_2024_2025, CommitmentLevel.NATIONAL), "system", "reg", T0);
            ImplementationStatus status = ImplementationStatus.NOT_STARTED;
            for (int change = 1; change <= 3; change++) {
                ImplementationStatus next = status == ImplementationStatus.IN_PROGRESS
                        ? ImplementationStatus.ON_HOLD : ImplementationStatus.IN_PROGRESS;
                history.then(new ActionStatusChangedEvent(action, status, next, "change " + change),
                        "tamper-test-user", "c" + change, T0.plusSeconds(3600L * change));
                status = next;
            }
        }
        jdbc.sql("SELECT event_store.record_checkpoint(make_interval(secs => 0))").query(Long.class).single();
    }

    @Test
    void anUntouchedHistoryVerifies() {
        JsonNode result = getJson("auditor", "/api/audit/verify");

        assertThat(result.get("status").asString()).isEqualTo("OK");
        assertThat(result.get("brokenChains")).isEmpty();
        assertThat(result.get("chains").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(result.get("events").asLong()).isGreaterThanOrEqualTo(24);
        assertThat(result.get("checkpoint").get("digest").asString()).hasSize(64);
    }

    @Test
    void anEditedPayloadIsNamed() {
        tamper("UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'change 2', 'nothing happened'), 'UTF8') WHERE aggregate_identifier = 'nl-tamper/1' AND sequence_number = 2",
                "nl-tamper/1");
        assertBroken("nl-tamper/1", 2, "does not match its content");
        restore();
    }

    @Test
    void anEditedActorIsNamed() {
        tamper("UPDATE event_store.domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'tamper-test-user', 'someone-else'), 'UTF8') WHERE aggregate_identifier = 'nl-tamper/6' AND sequence_number = 1",
                "nl-tamper/6");
        assertBroken("nl-tamper/6", 1, "does not match its content");
        restore();
    }

    @Test
    void aDeletedEventIsNamed() {
        tamper("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = 'nl-tamper/2' AND sequence_number = 1",
                "nl-tamper/2");
        assertBroken("nl-tamper/2", 1, "event 1 is missing");
        restore();
    }

    @Test
    void twoReorderedEventsAreNamed() {
        tamper("""
                UPDATE event_store.domain_event_entry e SET payload = o.payload
                FROM event_store.domain_event_entry o
                WHERE e.aggregate_identifier = 'nl-tamper/3' AND o.aggregate_identifier = 'nl-tamper/3'
                  AND ((e.sequence_number = 1 AND o.sequence_number = 2) OR (e.sequence_number = 2 AND o.sequence_number = 1))""",
                "nl-tamper/3");
        assertBroken("nl-tamper/3", 1, "does not match its content");
        restore();
    }

    @Test
    void aTruncatedChainIsNamed() {
        tamper("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = 'nl-tamper/4' AND sequence_number = 3",
                "nl-tamper/4");
        assertBroken("nl-tamper/4", 3, "recorded it up to event 3");
        restore();
    }

    @Test
    void aRemovedChainIsNamed() {
        tamper("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = 'nl-tamper/5'", "nl-tamper/5");
        assertBroken("nl-tamper/5", 0, "all events are gone");
        restore();
    }

    @Test
    void theExportLetsAnAuditorCheckTheHashesWithoutTheSystem() throws Exception {
        JsonNode export = getJson("auditor", "/api/audit/export?actor=tamper-test-user&size=100");

        assertThat(export.get("algorithm").asString()).contains("sha256");
        assertThat(export.get("events")).hasSize(18);
        for (JsonNode event : export.get("events")) {
            String previous = event.get("previousHash").isNull() ? "" : event.get("previousHash").asString();
            String header = previous + "\n" + event.get("type").asString() + "\n" + event.get("aggregateId").asString()
                    + "\n" + event.get("sequenceNumber").asLong() + "\n" + event.get("timeStamp").asString() + "\n"
                    + event.get("payloadType").asString() + "\n" + event.get("actor").asString() + "\n";
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(header.getBytes(StandardCharsets.UTF_8));
            sha256.update(Base64.getDecoder().decode(event.get("payload").asString()));
            assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(event.get("eventHash").asString());
            assertThat(previous).isNotEmpty();
        }
        assertProblem(get("evaluator", "/api/audit/export"), 403, "FORBIDDEN");
        assertProblem(get("coordinator", "/api/audit/verify"), 403, "FORBIDDEN");
        assertProblem(get("auditor", "/api/audit/export?size=10001"), 400, "VALIDATION_FAILED");
    }

    @Test
    void theApplicationCannotChooseAHash() {
        String stored = jdbc.sql("SELECT encode(event_hash, 'hex') FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = 'nl-tamper/1' AND sequence_number = 0").query(String.class).single();
        assertThat(stored).hasSize(64);
        assertThat(getJson("auditor", "/api/audit/verify").get("status").asString()).isEqualTo("OK");
    }

    /** As a superuser would: set the copy aside, switch off the append-only trigger, change the history. */
    private void tamper(String sql, String aggregateId) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("CREATE TABLE query_model.tamper_copy AS SELECT * FROM event_store.domain_event_entry "
                    + "WHERE aggregate_identifier = ?").param(aggregateId).update();
            jdbc.sql("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only").update();
            jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE event_store.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only").update();
        });
    }

    /** Puts the original events back, exactly as they were, and checks that the history verifies again. */
    private void restore() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM event_store.domain_event_entry e USING query_model.tamper_copy c "
                    + "WHERE e.aggregate_identifier = c.aggregate_identifier").update();
            jdbc.sql("INSERT INTO event_store.domain_event_entry SELECT * FROM query_model.tamper_copy").update();
            jdbc.sql("ALTER TABLE event_store.domain_event_entry ENABLE TRIGGER USER").update();
            jdbc.sql("DROP TABLE query_model.tamper_copy").update();
        });
        assertThat(getJson("auditor", "/api/audit/verify").get("status").asString()).isEqualTo("OK");
    }

    private void assertBroken(String aggregateId, long firstBadSequence, String why) {
        JsonNode result = getJson("auditor", "/api/audit/verify");
        assertThat(result.get("status").asString()).isEqualTo("BROKEN");
        assertThat(result.get("brokenChains")).hasSize(1);
        JsonNode broken = result.get("brokenChains").get(0);
        assertThat(broken.get("aggregateId").asString()).isEqualTo(aggregateId);
        assertThat(broken.get("firstBadSequence").asLong()).isEqualTo(firstBadSequence);
        assertThat(broken.get("why").asString()).contains(why);
    }
}
