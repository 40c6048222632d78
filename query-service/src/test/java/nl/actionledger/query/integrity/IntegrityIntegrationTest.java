package nl.actionledger.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.Projection;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.query.Rebuild;
import nl.actionledger.query.TestEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tamper evidence: someone with superuser access edits, deletes, reorders or truncates history behind the
 * system's back, and {@code /api/integrity/verify} names each one once a verification pass has run (a full one, started
 * with {@code POST /api/integrity/verify}, or an incremental one for events appended since the last pass). Every tampering is undone afterwards, so the
 * other tests see an intact history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final String PLAN = "nl-tamper";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @Autowired
    ChainVerifications verifications;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeAll
    void historyAndCheckpoint() {
        for (int a = 1; a <= 6; a++) {
            ActionRef action = ActionRef.of(PLAN, Integer.toString(a));
            History history = new History(action)
                    .then(
                            TestEvents.registered(
                                    action,
                                    9,
                                    3,
                                    ImplementationStatus.NOT_STARTED,
                                    TestEvents.RANGE_2024_2025,
                                    CommitmentLevel.NATIONAL),
                            "system",
                            "reg",
                            T0);
            ImplementationStatus status = ImplementationStatus.NOT_STARTED;
            for (int change = 1; change <= 3; change++) {
                ImplementationStatus next = status == ImplementationStatus.IN_PROGRESS
                        ? ImplementationStatus.ON_HOLD
                        : ImplementationStatus.IN_PROGRESS;
                history.then(
                        new ActionStatusChangedEvent(action, status, next, "change " + change),
                        "tamper-test-user",
                        "c" + change,
                        T0.plusSeconds(3600L * change));
                status = next;
            }
        }
        // The tests tamper with these events: the projections must have them as they were first, or an entry made
        // from a tampered event would differ from the restored one for good (and the audit-trail check would say so).
        await().atMost(VISIBLE_WITHIN)
                .until(() -> jdbc.sql("SELECT count(*) FROM query_model.audit_entry WHERE plan_id = ?")
                                .param(PLAN)
                                .query(Long.class)
                                .single()
                        == 24);
        // What command-service does every 15 minutes; query-service's login may not.
        asOwner(owner -> owner.sql("SELECT event_store.record_checkpoint(make_interval(secs => 0))")
                .query(Long.class)
                .single());
    }

    @Test
    void anUntouchedHistoryVerifies() {
        JsonNode result = verifyEverything();

        assertThat(result.get("status").asString()).isEqualTo("OK");
        assertThat(result.get("brokenChains")).isEmpty();
        assertThat(result.get("chains").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(result.get("events").asLong()).isGreaterThanOrEqualTo(24);
        assertThat(result.get("position").asLong()).isEqualTo(head());
        assertThat(result.get("checkpoint").get("digest").asString()).hasSize(64);
        JsonNode pass = result.get("lastFullPass");
        assertThat(pass.get("kind").asString()).isEqualTo("FULL");
        assertThat(pass.get("eventsRead").asLong())
                .isEqualTo(result.get("events").asLong());
        assertThat(Instant.parse(pass.get("finishedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(pass.get("startedAt").asString()));
        assertThat(result.get("lastPass")).isEqualTo(pass);
    }

    @Test
    void theAnswerComesFromTheLastPassNotFromTheRequest() {
        verifyEverything();
        tamper(
                "UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'change 1', 'nothing happened'), 'UTF8') WHERE aggregate_identifier = 'nl-tamper/1' AND sequence_number = 1",
                "nl-tamper/1");

        assertThat(getJson("auditor", "/api/integrity/verify").get("status").asString())
                .isEqualTo("OK");
        assertBroken("nl-tamper/1", 1, "does not match its content");
        restore();
    }

    @Test
    void anIncrementalPassVerifiesTheEventsAppendedSinceTheLastPass() {
        JsonNode before = verifyEverything();
        ActionRef action = ActionRef.of(PLAN, "7");
        History history = new History(action)
                .then(
                        TestEvents.registered(
                                action,
                                9,
                                3,
                                ImplementationStatus.NOT_STARTED,
                                TestEvents.RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        T0);
        history.then(
                new ActionStatusChangedEvent(
                        action, ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "started"),
                "new-events-user",
                "c7",
                T0.plusSeconds(60));

        JsonNode after = verifyNewEvents();

        assertThat(after.get("status").asString()).isEqualTo("OK");
        assertThat(after.get("lastPass").get("kind").asString()).isEqualTo("INCREMENTAL");
        assertThat(after.get("lastPass").get("eventsRead").asLong()).isEqualTo(2);
        assertThat(after.get("events").asLong()).isEqualTo(before.get("events").asLong() + 2);
        assertThat(after.get("chains").asLong()).isEqualTo(before.get("chains").asLong() + 1);
        assertThat(after.get("position").asLong()).isEqualTo(head());
        assertThat(after.get("lastFullPass")).isEqualTo(before.get("lastFullPass"));

        history.then(
                new ActionStatusChangedEvent(
                        action, ImplementationStatus.IN_PROGRESS, ImplementationStatus.ON_HOLD, "paused"),
                "new-events-user",
                "c7-2",
                T0.plusSeconds(120));
        awaitProjected("c7-2");
        tamper(
                "UPDATE event_store.domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                        + "'new-events-user', 'someone-else'), 'UTF8') WHERE aggregate_identifier = 'nl-tamper/7' AND sequence_number = 2",
                "nl-tamper/7");
        JsonNode tampered = verifyNewEvents();
        assertThat(tampered.get("status").asString()).isEqualTo("BROKEN");
        assertThat(tampered.get("brokenChains").get(0).get("aggregateId").asString())
                .isEqualTo("nl-tamper/7");
        assertThat(tampered.get("brokenChains").get(0).get("firstBadSequence").asLong())
                .isEqualTo(2);
        restore();
    }

    @Test
    void anEventCommittedBelowAPositionAlreadyVerifiedIsVerifiedLaterNotReportedMissing() throws Exception {
        ActionRef late = ActionRef.of(PLAN, "8");
        ActionRef other = ActionRef.of(PLAN, "9");
        // Recorded now, as commands are: the projections wait for a late commit only among recent events.
        Instant now = Instant.now();
        new History(late)
                .then(
                        TestEvents.registered(
                                late,
                                9,
                                3,
                                ImplementationStatus.NOT_STARTED,
                                TestEvents.RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        now);
        History others = new History(other)
                .then(
                        TestEvents.registered(
                                other,
                                9,
                                3,
                                ImplementationStatus.NOT_STARTED,
                                TestEvents.RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        now);
        JsonNode before = verifyEverything();

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slowCommit = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            eventStore.publish(TestEvents.message(
                    late,
                    1,
                    new ActionStatusChangedEvent(
                            late, ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "late"),
                    "late-test-user",
                    "late",
                    now.plusMillis(10)));
            appended.countDown();
            awaitLatch(mayCommit);
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        others.then(
                new ActionStatusChangedEvent(
                        other, ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "on time"),
                "late-test-user",
                "on-time",
                now.plusMillis(10));
        JsonNode passedTheGap = verifyNewEvents();
        assertThat(passedTheGap.get("events").asLong())
                .isEqualTo(before.get("events").asLong() + 1);

        mayCommit.countDown();
        slowCommit.get(10, TimeUnit.SECONDS);
        JsonNode filled = verifyNewEvents();

        assertThat(filled.get("status").asString()).isEqualTo("OK");
        assertThat(filled.get("events").asLong()).isEqualTo(before.get("events").asLong() + 2);
        assertThat(filled.get("position").asLong()).isEqualTo(head());
    }

    @Test
    void anEditedPayloadIsNamed() {
        tamper(
                "UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'change 2', 'nothing happened'), 'UTF8') WHERE aggregate_identifier = 'nl-tamper/1' AND sequence_number = 2",
                "nl-tamper/1");
        assertBroken("nl-tamper/1", 2, "does not match its content");
        restore();
    }

    @Test
    void anEditedActorIsNamed() {
        tamper(
                "UPDATE event_store.domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                        + "'tamper-test-user', 'someone-else'), 'UTF8') WHERE aggregate_identifier = 'nl-tamper/6' AND sequence_number = 1",
                "nl-tamper/6");
        assertBroken("nl-tamper/6", 1, "does not match its content");
        restore();
    }

    @Test
    void aDeletedEventIsNamed() {
        tamper(
                "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = 'nl-tamper/2' AND sequence_number = 1",
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
                  AND ((e.sequence_number = 1 AND o.sequence_number = 2) OR (e.sequence_number = 2 AND o.sequence_number = 1))""", "nl-tamper/3");
        assertBroken("nl-tamper/3", 1, "does not match its content");
        restore();
    }

    @Test
    void aTruncatedChainIsNamed() {
        tamper(
                "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = 'nl-tamper/4' AND sequence_number = 3",
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
        JsonNode export = getJson("auditor", "/api/integrity/export?actor=tamper-test-user&size=100");

        assertThat(export.get("algorithm").asString()).contains("sha256");
        assertThat(export.get("events")).hasSize(18);
        for (JsonNode event : export.get("events")) {
            String previous = event.get("previousHash").isNull()
                    ? ""
                    : event.get("previousHash").asString();
            String header = previous + "\n" + event.get("type").asString() + "\n"
                    + event.get("aggregateId").asString()
                    + "\n" + event.get("sequenceNumber").asLong() + "\n"
                    + event.get("timeStamp").asString() + "\n"
                    + event.get("payloadType").asString() + "\n"
                    + event.get("actor").asString() + "\n"
                    + event.get("insertedAt").asString() + "\n"
                    + event.get("insertedBy").asString() + "\n";
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(header.getBytes(StandardCharsets.UTF_8));
            sha256.update(Base64.getDecoder().decode(event.get("payload").asString()));
            assertThat(HexFormat.of().formatHex(sha256.digest()))
                    .isEqualTo(event.get("eventHash").asString());
            assertThat(previous).isNotEmpty();
        }
        assertThat(export.get("order").asString()).isEqualTo("POSITION");
        assertThat(export.get("next").isNull()).isTrue();
        assertProblem(get("evaluator", "/api/integrity/export"), 403, "FORBIDDEN");
        assertProblem(get("coordinator", "/api/integrity/verify"), 403, "FORBIDDEN");
        assertProblem(get("auditor", "/api/integrity/export?size=10001"), 400, "VALIDATION_FAILED");
    }

    @Test
    void theExportIsPagedByPositionWithALinkToTheNextPage() {
        List<Long> byActor = exportAll("/api/integrity/export?actor=tamper-test-user&size=5");
        assertThat(byActor).hasSize(18).isSorted().doesNotHaveDuplicates();

        String period = "from=" + T0 + "&to=" + T0.plusSeconds(3 * 3600);
        List<Long> expected = jdbc.sql("""
                        SELECT global_index FROM event_store.domain_event_entry
                        WHERE time_stamp::timestamptz > ? AND time_stamp::timestamptz <= ? ORDER BY global_index""")
                .param(Timestamp.from(T0))
                .param(Timestamp.from(T0.plusSeconds(3 * 3600)))
                .query(Long.class)
                .list();
        // The period is found through the audit trail, which follows the event table within moments.
        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(exportAll("/api/integrity/export?" + period + "&size=4"))
                        .containsExactlyInAnyOrderElementsOf(expected)
                        .hasSizeGreaterThanOrEqualTo(18));
        assertThat(getJson("auditor", "/api/integrity/export?" + period + "&size=1")
                        .get("order")
                        .asString())
                .isEqualTo("RECORDED_AT");

        JsonNode firstPage = getJson("auditor", "/api/integrity/export?size=3");
        long third = firstPage.get("events").get(2).get("position").asLong();
        assertThat(firstPage.get("nextAfter").asLong()).isEqualTo(third);
        JsonNode secondPage = getJson("auditor", "/api/integrity/export?size=3&after=" + third);
        assertThat(secondPage.get("events").get(0).get("position").asLong()).isGreaterThan(third);
        assertThat(secondPage.get("after").asLong()).isEqualTo(third);

        assertProblem(get("auditor", "/api/integrity/export?page=1"), 400, "PAGE_NOT_SUPPORTED");
        assertProblem(get("auditor", "/api/integrity/export?after=-1"), 400, "VALIDATION_FAILED");
        assertProblem(get("auditor", "/api/integrity/export?after=x"), 400, "INVALID_PARAMETER");
        assertProblem(get("auditor", "/api/integrity/export?" + period + "&after=999999999"), 400, "UNKNOWN_POSITION");
    }

    @Test
    void aFilteredExportIsRefusedWhileTheAuditTrailIsRebuilt() {
        StreamingEventProcessor projections = processing
                .eventProcessor(Projection.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        projections.shutDown();
        try {
            projections.resetTokens(Rebuild.of(Projection.AUDIT_TRAIL));

            assertProblem(get("auditor", "/api/integrity/export?actor=tamper-test-user"), 409, "AUDIT_TRAIL_REPLAYING");
            assertProblem(get("auditor", "/api/integrity/export?from=" + T0), 409, "AUDIT_TRAIL_REPLAYING");
            assertThat(getJson("auditor", "/api/integrity/export?size=1").get("events"))
                    .hasSize(1);
        } finally {
            projections.start();
        }
        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(getJson("auditor", "/api/integrity/export?actor=tamper-test-user")
                                .get("events"))
                        .hasSize(18));
    }

    /** Follows the next links from the first page to the last, checking the Link header on the way. */
    private List<Long> exportAll(String firstPage) {
        List<Long> positions = new ArrayList<>();
        String next = firstPage;
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get("auditor", next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response.body());
            page.get("events")
                    .forEach(event -> positions.add(event.get("position").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            assertThat(response.headers().firstValue("Link"))
                    .isEqualTo(next == null ? Optional.empty() : Optional.of("<" + next + ">; rel=\"next\""));
            assertThat(++pages).isLessThan(100);
        }
        assertThat(pages).isGreaterThan(1);
        return positions;
    }

    @Test
    void theApplicationCannotChooseAHash() {
        String stored = jdbc.sql("SELECT encode(event_hash, 'hex') FROM event_store.domain_event_entry "
                        + "WHERE aggregate_identifier = 'nl-tamper/1' AND sequence_number = 0")
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64);
        assertThat(verifyEverything().get("status").asString()).isEqualTo("OK");
    }

    /**
     * Tampering with an event the projections have not handled yet would give it an entry made from the tampered event,
     * which would then differ from the restored one for good; the other test classes share this database.
     */
    private void awaitProjected(String correlationId) {
        await().atMost(VISIBLE_WITHIN)
                .until(() -> jdbc.sql("SELECT count(*) FROM query_model.audit_entry WHERE correlation_id = ?")
                                .param(correlationId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    /** As the owner of the tables (or a superuser) would: set the copy aside, switch off the append-only trigger, change the history. */
    private void tamper(String sql, String aggregateId) {
        asOwner(owner -> {
            owner.sql("CREATE TABLE query_model.tamper_copy AS SELECT * FROM event_store.domain_event_entry "
                            + "WHERE aggregate_identifier = ?")
                    .param(aggregateId)
                    .update();
            owner.sql("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only")
                    .update();
            owner.sql(sql).update();
            owner.sql("ALTER TABLE event_store.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only")
                    .update();
        });
    }

    /** Puts the original events back, exactly as they were, and checks that the history verifies again. */
    private void restore() {
        asOwner(owner -> {
            owner.sql("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER USER")
                    .update();
            owner.sql("DELETE FROM event_store.domain_event_entry e USING query_model.tamper_copy c "
                            + "WHERE e.aggregate_identifier = c.aggregate_identifier")
                    .update();
            owner.sql("INSERT INTO event_store.domain_event_entry SELECT * FROM query_model.tamper_copy")
                    .update();
            owner.sql("ALTER TABLE event_store.domain_event_entry ENABLE TRIGGER USER")
                    .update();
            owner.sql("DROP TABLE query_model.tamper_copy").update();
        });
        assertThat(verifyEverything().get("status").asString()).isEqualTo("OK");
    }

    /** Asks for a full pass, as an auditor would, and waits for its result. */
    private JsonNode verifyEverything() {
        HttpResponse<String> accepted = post("auditor", "/api/integrity/verify");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).contains("/api/integrity/verify");
        long pass = json(accepted.body()).get("pass").asLong();
        return awaitJson("auditor", "/api/integrity/verify", result -> finished(result.get("lastFullPass"), pass));
    }

    /** Starts an incremental pass, as the schedule does, and waits for its result. */
    private JsonNode verifyNewEvents() {
        long pass = verifications.requestIncremental().pass();
        return awaitJson("auditor", "/api/integrity/verify", result -> finished(result.get("lastPass"), pass));
    }

    private static boolean finished(JsonNode pass, long number) {
        return pass != null && !pass.isNull() && pass.get("pass").asLong() >= number;
    }

    private long head() {
        return jdbc.sql("SELECT max(global_index) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertBroken(String aggregateId, long firstBadSequence, String why) {
        JsonNode result = verifyEverything();
        assertThat(result.get("status").asString()).isEqualTo("BROKEN");
        assertThat(result.get("brokenChains")).hasSize(1);
        JsonNode broken = result.get("brokenChains").get(0);
        assertThat(broken.get("aggregateId").asString()).isEqualTo(aggregateId);
        assertThat(broken.get("firstBadSequence").asLong()).isEqualTo(firstBadSequence);
        assertThat(broken.get("why").asString()).contains(why);
    }
}
