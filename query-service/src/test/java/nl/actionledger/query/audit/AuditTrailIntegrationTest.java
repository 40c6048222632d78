package nl.actionledger.query.audit;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The audit trail, built by its processor from the event table, read through HTTP, and checked against the events. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    /** Finer than the event table's milliseconds and PostgreSQL's microseconds: the entry and its check must agree. */
    private static final Instant STORED_WITH_NANOSECONDS =
            T0.plusSeconds(4 * 86_400).plusNanos(123_456_789);

    @Autowired
    AuditTrailConsistencyCheck consistencyCheck;

    @Autowired
    MeterRegistry meters;

    private History history301;

    @BeforeAll
    void history() {
        history301 = new History(action("301"))
                .then(
                        registered("301", 11, 3, ImplementationStatus.COMPLETED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg-301",
                        T0)
                .then(
                        new ActionReopenedEvent(
                                action("301"),
                                ImplementationStatus.COMPLETED,
                                ImplementationStatus.IN_PROGRESS,
                                "New cases found"),
                        "alice",
                        "c-301-1",
                        T0.plusSeconds(86_400))
                .then(
                        new ActionReassignedEvent(
                                action("301"), null, new Assignment("politie", null, "K. Bakker"), "Police leads"),
                        "bob",
                        "c-301-2",
                        T0.plusSeconds(2 * 86_400))
                .then(
                        new ActionStatusChangedEvent(
                                action("301"),
                                ImplementationStatus.IN_PROGRESS,
                                ImplementationStatus.COMPLETED,
                                "Done again"),
                        "alice",
                        "c-301-3",
                        T0.plusSeconds(3 * 86_400));
        new History(action("302"))
                .then(
                        registered("302", 11, 3, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg-302",
                        T0)
                .then(
                        new ActionStatusChangedEvent(
                                action("302"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.ON_HOLD,
                                "No budget"),
                        "alice",
                        "c-302-1",
                        STORED_WITH_NANOSECONDS);
        awaitJson(
                "auditor",
                "/api/audit?actionId=302",
                page -> page.get("entries").size() == 2);
        awaitJson(
                "auditor",
                "/api/audit?actionId=301",
                page -> page.get("entries").size() == 4);
    }

    @Test
    void historyListsEveryEventOfAnActionNewestFirst() {
        JsonNode history =
                getJson("auditor", "/api/plans/eu-wap-nl/actions/301/audit").get("entries");

        assertThat(history).hasSize(4);
        assertThat(types(history))
                .containsExactly("ActionStatusChanged", "ActionReassigned", "ActionReopened", "ActionRegistered");
        JsonNode reopened = history.get(2);
        assertThat(reopened.get("eventId").asString())
                .isEqualTo(history301.event(1).getIdentifier());
        assertThat(reopened.get("actor").asString()).isEqualTo("alice");
        assertThat(reopened.get("reason").asString()).isEqualTo("New cases found");
        assertThat(reopened.get("correlationId").asString()).isEqualTo("c-301-1");
        assertThat(Instant.parse(reopened.get("occurredAt").asString())).isEqualTo(T0.plusSeconds(86_400));
        assertThat(reopened.get("version").asLong()).isEqualTo(1);
        assertThat(reopened.get("changes").get(0).get("field").asString()).isEqualTo("status");
        assertThat(reopened.get("changes").get(0).get("before").asString()).isEqualTo("COMPLETED");
        assertThat(reopened.get("changes").get(0).get("after").asString()).isEqualTo("IN_PROGRESS");
        JsonNode reassigned = history.get(1);
        assertThat(reassigned.get("changes")).hasSize(2);
        assertThat(reassigned.get("changes").get(0).get("after").asString()).isEqualTo("politie");
        assertThat(history.get(0).get("position").asLong())
                .isGreaterThan(history.get(3).get("position").asLong());
    }

    /** The actor is a stable id (a token's subject); auditors read the display name recorded beside it. */
    @Test
    void anEntryShowsTheActorsDisplayNameBesideTheStableActor() {
        Instant longBefore = T0.minusSeconds(90 * 86_400);
        new History(action("303"))
                .then(
                        registered("303", 11, 3, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg-303",
                        longBefore)
                .then(
                        new ActionStatusChangedEvent(
                                action("303"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                "Started"),
                        MetaData.with("actor", "6f1c-42")
                                .and("actorName", "R. de Vries")
                                .and("correlationId", "c-303-1"),
                        longBefore.plusSeconds(60));

        JsonNode history = awaitJson(
                        "auditor",
                        "/api/plans/eu-wap-nl/actions/303/audit",
                        page -> page.get("entries").size() == 2)
                .get("entries");

        assertThat(history.get(0).get("actor").asString()).isEqualTo("6f1c-42");
        assertThat(history.get(0).get("actorName").asString()).isEqualTo("R. de Vries");
        assertThat(history.get(1).get("actor").asString()).isEqualTo("system");
        assertThat(history.get(1).get("actorName").isNull()).isTrue();
        assertThat(getJson("auditor", "/api/audit?actor=6f1c-42")
                        .get("entries")
                        .get(0)
                        .get("actorName")
                        .asString())
                .isEqualTo("R. de Vries");
    }

    /**
     * A stored event can never change: whatever text it holds, every projection takes it and goes on. In a plan of its
     * own, as the other test classes share this database and count eu-wap-nl's actions.
     */
    @Test
    void anEventWithTextLongerThanAnyFormerColumnIsProjectedAndTheProjectionsGoOn() {
        String longName = "R. de Vries ".repeat(30);
        String longActor = "6f1c-".repeat(60);
        Instant longBefore = T0.minusSeconds(80 * 86_400);
        ActionRef longTexts = ActionRef.of("nl-long-text", "304");
        new History(longTexts)
                .then(
                        registered(
                                longTexts,
                                11,
                                3,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.EU),
                        "system",
                        "reg-304",
                        longBefore)
                .then(
                        new ActionStatusChangedEvent(
                                longTexts,
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                "Started"),
                        MetaData.with("actor", longActor)
                                .and("actorName", longName)
                                .and("correlationId", "c-304-1"),
                        longBefore.plusSeconds(60))
                .then(
                        new ActionReassignedEvent(
                                longTexts,
                                null,
                                new Assignment("nvwa", null, "K. Bakker ".repeat(30)),
                                "A long contact"),
                        "carol",
                        "c-304-2",
                        longBefore.plusSeconds(120));

        JsonNode history = awaitJson(
                        "auditor",
                        "/api/plans/nl-long-text/actions/304/audit",
                        page -> page.get("entries").size() == 3)
                .get("entries");

        assertThat(history.get(1).get("actor").asString()).isEqualTo(longActor);
        assertThat(history.get(1).get("actorName").asString()).isEqualTo(longName);
        JsonNode view = awaitJson(
                "evaluator",
                "/api/plans/nl-long-text/actions/304",
                action -> "nvwa".equals(action.path("organisation").asString(null)));
        assertThat(view.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(view.get("contact").asString()).hasSize(300);
    }

    @Test
    void historyIsPagedByVersionWithALinkToTheNextPage() {
        HttpResponse<String> first = get("auditor", "/api/plans/eu-wap-nl/actions/301/audit?size=3");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode firstPage = json(first.body());
        assertThat(versions(firstPage.get("entries"))).containsExactly(3L, 2L, 1L);
        String next = "/api/plans/eu-wap-nl/actions/301/audit?before=1&size=3";
        assertThat(firstPage.get("next").asString()).isEqualTo(next);
        assertThat(first.headers().firstValue("Link")).contains("<" + next + ">; rel=\"next\"");

        HttpResponse<String> last = get("auditor", next);
        assertThat(versions(json(last.body()).get("entries"))).containsExactly(0L);
        assertThat(json(last.body()).get("next").isNull()).isTrue();
        assertThat(last.headers().firstValue("Link")).isEmpty();

        // A page that ends exactly at the first event has no next page either.
        JsonNode exact = getJson("auditor", "/api/plans/eu-wap-nl/actions/301/audit?before=2&size=2");
        assertThat(versions(exact.get("entries"))).containsExactly(1L, 0L);
        assertThat(exact.get("next").isNull()).isTrue();
        assertThat(getJson("auditor", "/api/plans/eu-wap-nl/actions/301/audit?before=0")
                        .get("entries"))
                .isEmpty();
        assertThat(getJson("auditor", "/api/plans/eu-wap-nl/actions/301/audit")
                        .get("size")
                        .asInt())
                .isEqualTo(100);
    }

    @Test
    void auditSearchIsPagedByPositionWithALinkToTheNextPageThatKeepsTheCriteria() {
        HttpResponse<String> first = get("auditor", "/api/audit?actor=alice&size=2");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode firstPage = json(first.body());
        assertThat(reasons(firstPage.get("entries"))).containsExactly("No budget", "Done again");
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        String next = "/api/audit?actor=alice&before="
                + positions(firstPage.get("entries")).get(1) + "&size=2";
        assertThat(firstPage.get("next").asString()).isEqualTo(next);
        assertThat(first.headers().firstValue("Link")).contains("<" + next + ">; rel=\"next\"");

        HttpResponse<String> last = get("auditor", next);
        assertThat(reasons(json(last.body()).get("entries"))).containsExactly("New cases found");
        assertThat(json(last.body()).get("next").isNull()).isTrue();
        assertThat(last.headers().firstValue("Link")).isEmpty();
        assertThat(getJson("auditor", "/api/audit").get("size").asInt()).isEqualTo(50);
    }

    @Test
    void followingTheNextLinksGivesEveryMatchingEntryExactlyOnceNewestFirst() {
        String criteria = "planId=eu-wap-nl&from=" + T0 + "&to=" + T0.plusSeconds(5 * 86_400);
        List<Long> expected = positions(
                getJson("auditor", "/api/audit?" + criteria + "&size=200").get("entries"));
        assertThat(expected).hasSizeGreaterThan(2).isSortedAccordingTo(Comparator.reverseOrder());

        List<Long> paged = new ArrayList<>();
        String next = "/api/audit?" + criteria + "&size=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = getJson("auditor", next);
            assertThat(page.get("entries").size()).isBetween(1, 2);
            paged.addAll(positions(page.get("entries")));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        }

        assertThat(paged).isEqualTo(expected);
        assertThat(pages).isEqualTo((expected.size() + 1) / 2);
    }

    @Test
    void auditFiltersByActorPeriodPlanAndAction() {
        assertThat(getJson("auditor", "/api/audit?actor=bob").get("entries")).hasSize(1);
        // After 'from', up to and including 'to', as on every endpoint: the events at both ends tell which end is in.
        JsonNode period = getJson(
                "auditor",
                "/api/audit?planId=eu-wap-nl&from=" + T0.plusSeconds(86_400) + "&to=" + T0.plusSeconds(3 * 86_400));
        assertThat(reasons(period.get("entries"))).containsExactly("Done again", "Police leads");
        assertThat(getJson("auditor", "/api/audit?planId=eu-wap-be").get("entries"))
                .isEmpty();
        assertThat(getJson("auditor", "/api/audit?actionId=302&actor=alice").get("entries"))
                .hasSize(1);
    }

    @Test
    void refusesWithProblems() {
        assertProblem(get(null, "/api/audit"), 401, "UNAUTHENTICATED");
        assertProblem(get("evaluator", "/api/audit"), 403, "FORBIDDEN");
        assertProblem(get("coordinator", "/api/audit"), 403, "FORBIDDEN");
        assertProblem(get("evaluator", "/api/plans/eu-wap-nl/actions/301/audit"), 403, "FORBIDDEN");
        assertProblem(get("auditor", "/api/plans/eu-wap-nl/actions/999/audit"), 404, "ACTION_NOT_FOUND");
        assertProblem(get("auditor", "/api/plans/eu-wap-be/actions/301/audit"), 404, "PLAN_NOT_FOUND");
        assertProblem(get("auditor", "/api/plans/eu-wap-nl/actions/999/audit?before=5"), 404, "ACTION_NOT_FOUND");
        assertProblem(get("auditor", "/api/plans/eu-wap-nl/actions/301/audit?size=0"), 400, "VALIDATION_FAILED");
        assertProblem(get("auditor", "/api/plans/eu-wap-nl/actions/301/audit?size=501"), 400, "VALIDATION_FAILED");
        assertProblem(get("auditor", "/api/plans/eu-wap-nl/actions/301/audit?before=-1"), 400, "VALIDATION_FAILED");
        assertProblem(get("auditor", "/api/plans/eu-wap-nl/actions/301/audit?before=two"), 400, "INVALID_PARAMETER");
        assertProblem(
                get("auditor", "/api/plans/eu-wap-nl/actions/301/audit?before=99999999999999999999"),
                400,
                "INVALID_PARAMETER");
        assertProblem(get("auditor", "/api/audit?size=201"), 400, "VALIDATION_FAILED");
        assertProblem(get("auditor", "/api/audit?page=1"), 400, "PAGE_NOT_SUPPORTED");
        assertProblem(get("auditor", "/api/audit?actor=alice&page=0&size=2"), 400, "PAGE_NOT_SUPPORTED");
        assertProblem(get("auditor", "/api/audit?before=-1"), 400, "VALIDATION_FAILED");
        assertProblem(get("auditor", "/api/audit?before=two"), 400, "INVALID_PARAMETER");
        assertProblem(
                get("auditor", "/api/audit?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z"), 400, "INVALID_PERIOD");
        assertProblem(get("auditor", "/api/audit?from=yesterday"), 400, "INVALID_INSTANT");
        assertThat(getJson("admin", "/api/audit").get("entries")).isNotEmpty();
    }

    /**
     * An event the projections passed over (here: the entry of an event appended after the last check, deleted, as a
     * commit after the gap timeout leaves it) is found by the next check, reported (log, health details, metric) and
     * its entry written again from the event, exactly as the projection had written it.
     */
    @Test
    void theConsistencyCheckFindsAnEventWithoutItsEntryReportsAndRepairsIt() {
        await().atMost(VISIBLE_WITHIN).until(() -> consistencyCheck.check().consistent());
        AuditTrailConsistency consistent = consistencyCheck.check();
        assertThat(consistent.events()).isEqualTo(consistent.auditEntries()).isPositive();
        assertThat(getJson("admin", "/actuator/health")
                        .get("components")
                        .get("auditTrail")
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        new History(action("391"))
                .then(
                        registered("391", 11, 3, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg-391",
                        T0);
        awaitJson(
                "auditor",
                "/api/audit?actionId=391",
                page -> page.get("entries").size() == 1);
        long lost = jdbc.sql("SELECT global_index FROM query_model.audit_entry WHERE correlation_id = 'reg-303'")
                .query(Long.class)
                .single();
        List<String> entryBefore = entryAsText(lost);
        double repairedBefore = repairedEntries();

        deleteEntry(lost);
        AuditTrailConsistency afterRepair = consistencyCheck.check();

        assertThat(afterRepair.consistent()).isTrue();
        assertThat(afterRepair.events()).isEqualTo(afterRepair.auditEntries()).isGreaterThan(consistent.events());
        assertThat(entryAsText(lost)).isEqualTo(entryBefore).hasSizeGreaterThan(1);
        JsonNode auditTrail =
                getJson("admin", "/actuator/health").get("components").get("auditTrail");
        assertThat(auditTrail.get("status").asString()).isEqualTo("UP");
        assertThat(auditTrail.get("details").get("repairedEntries").get(0).asLong())
                .isEqualTo(lost);
        assertThat(repairedEntries()).isEqualTo(repairedBefore + 1);
    }

    /**
     * The regular check reads only what is new since the last: an old entry deleted from query_model (something only
     * tampering does) is found by the full comparison of every event and entry (daily, after a replay, or when an
     * auditor asks), which writes it again.
     */
    @Test
    void anOldEntryDeletedIsFoundByTheFullComparison() {
        long deleted = jdbc.sql("SELECT global_index FROM query_model.audit_entry WHERE correlation_id = 'c-301-1'")
                .query(Long.class)
                .single();
        // settled: inserted longer than the settle time (2 s in the tests) before a check
        await().atMost(VISIBLE_WITHIN)
                .until(() -> consistencyCheck.check().consistent() && consistencyCheck.comparedUpTo() >= deleted);
        List<String> entryBefore = entryAsText(deleted);

        deleteEntry(deleted);

        consistencyCheck.check();
        assertThat(entryAsText(deleted))
                .as("the regular check reads only what is new")
                .isEmpty();
        AuditTrailConsistency full = consistencyCheck.checkEverything();
        assertThat(full.consistent()).isTrue();
        assertThat(entryAsText(deleted)).isEqualTo(entryBefore);
        assertThat(getJson("admin", "/actuator/health")
                        .get("components")
                        .get("auditTrail")
                        .get("details")
                        .get("repairedEntries"))
                .anyMatch(position -> position.asLong() == deleted);
    }

    /**
     * An entry whose event is not in the event table (here: a copy of an entry under a position no event has, as only
     * tampering with query_model makes one) is named by the next regular check, which reads only what is new.
     */
    @Test
    void theConsistencyCheckNamesAnEntryWithoutItsEvent() {
        await().atMost(VISIBLE_WITHIN)
                .until(() -> consistencyCheck.check().consistent() && consistencyCheck.comparedUpTo() > 0);
        long copied = jdbc.sql("SELECT global_index FROM query_model.audit_entry WHERE correlation_id = 'c-301-1'")
                .query(Long.class)
                .single();
        long forged = jdbc.sql("SELECT max(global_index) + 1000 FROM query_model.audit_entry")
                .query(Long.class)
                .single();
        asOwner(owner -> owner.sql("""
                        INSERT INTO query_model.audit_entry (event_id, global_index, aggregate_id, plan_id, action_id,
                            sequence_number, event_type, occurred_at, actor, actor_name, reason, correlation_id)
                        SELECT event_id || '-forged', ?, aggregate_id, plan_id, action_id, sequence_number + 1000,
                            event_type, occurred_at, actor, actor_name, reason, 'forged'
                        FROM query_model.audit_entry WHERE global_index = ?""").params(forged, copied).update());
        try {
            AuditTrailConsistency afterForgery = consistencyCheck.check();

            assertThat(afterForgery.consistent()).isFalse();
            assertThat(afterForgery.orphanedEntries()).containsExactly(forged);
        } finally {
            deleteEntry(forged);
        }
        assertThat(consistencyCheck.check().consistent()).isTrue();
    }

    private static void deleteEntry(long globalIndex) {
        asOwner(owner -> {
            owner.sql("DELETE FROM query_model.audit_change WHERE global_index = ?")
                    .param(globalIndex)
                    .update();
            owner.sql("DELETE FROM query_model.audit_entry WHERE global_index = ?")
                    .param(globalIndex)
                    .update();
        });
    }

    /** The entry and its field changes, each row as PostgreSQL prints it. */
    private List<String> entryAsText(long globalIndex) {
        List<String> rows =
                new ArrayList<>(jdbc.sql("SELECT e::text FROM query_model.audit_entry e WHERE global_index = ?")
                        .param(globalIndex)
                        .query(String.class)
                        .list());
        rows.addAll(jdbc.sql("SELECT c::text FROM query_model.audit_change c WHERE global_index = ? ORDER BY position")
                .param(globalIndex)
                .query(String.class)
                .list());
        return rows;
    }

    private double repairedEntries() {
        return meters.counter("actionledger.audit_trail.repaired_entries").count();
    }

    /** Axon stores an event's time to the millisecond: its entry shows that time, and the content check agrees. */
    @Test
    void anEntryKeepsTheEventsStoredTimeAndTheContentCheckAgrees() {
        JsonNode entry = awaitJson(
                        "auditor",
                        "/api/audit?actionId=302&actor=alice",
                        page -> page.get("entries").size() == 1)
                .get("entries")
                .get(0);

        assertThat(Instant.parse(entry.get("occurredAt").asString()))
                .isEqualTo(STORED_WITH_NANOSECONDS.truncatedTo(ChronoUnit.MILLIS));
        assertThat(consistencyCheck.checkEverything().differingEntries()).isEmpty();
    }

    /** An entry edited in query_model no longer says what its event says: the check names it. */
    @Test
    void theConsistencyCheckNoticesAnEntryThatSaysSomethingElseThanItsEvent() {
        await().atMost(VISIBLE_WITHIN)
                .until(() -> consistencyCheck.checkEverything().consistent());
        long edited = jdbc.sql("SELECT global_index FROM query_model.audit_entry WHERE correlation_id = 'c-302-1'")
                .query(Long.class)
                .single();
        String reason = jdbc.sql("SELECT reason FROM query_model.audit_entry WHERE global_index = ?")
                .param(edited)
                .query(String.class)
                .single();
        asOwner(owner -> owner.sql(
                        "UPDATE query_model.audit_entry SET reason = 'nothing to see' WHERE global_index = ?")
                .param(edited)
                .update());
        try {
            assertThat(consistencyCheck.check().differingEntries())
                    .as("only a full comparison reads old entries")
                    .isEmpty();
            // as an auditor asks for it: a full verification, answered from the background
            assertThat(post("auditor", "/api/integrity/verify").statusCode()).isEqualTo(202);
            JsonNode verified = awaitJson(
                            "auditor",
                            "/api/integrity/verify",
                            answer -> answer.get("auditTrail")
                                    .get("status")
                                    .asString()
                                    .equals("DIFFERS"))
                    .get("auditTrail");
            assertThat(verified.get("differingEntries").get(0).asLong()).isEqualTo(edited);
            assertThat(verified.get("differingEntries")).hasSize(1);
            assertThat(consistencyCheck.latest().consistent()).isFalse();
            JsonNode auditTrail = json(get("admin", "/actuator/health").body())
                    .get("components")
                    .get("auditTrail");
            assertThat(auditTrail.get("status").asString()).isEqualTo("DOWN");
            assertThat(auditTrail.get("details").get("differingEntries").get(0).asLong())
                    .isEqualTo(edited);
        } finally {
            asOwner(owner -> owner.sql("UPDATE query_model.audit_entry SET reason = ? WHERE global_index = ?")
                    .param(reason)
                    .param(edited)
                    .update());
        }
        assertThat(consistencyCheck.checkEverything().consistent()).isTrue();
    }

    /** Removes an entry as a skipped event would leave it, keeping a copy so that the other tests see a whole trail. */
    private static List<String> types(JsonNode entries) {
        List<String> types = new ArrayList<>();
        entries.forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }

    private static List<Long> versions(JsonNode entries) {
        List<Long> versions = new ArrayList<>();
        entries.forEach(entry -> versions.add(entry.get("version").asLong()));
        return versions;
    }

    private static List<Long> positions(JsonNode entries) {
        List<Long> positions = new ArrayList<>();
        entries.forEach(entry -> positions.add(entry.get("position").asLong()));
        return positions;
    }

    private static List<String> reasons(JsonNode entries) {
        List<String> reasons = new ArrayList<>();
        entries.forEach(entry -> reasons.add(entry.get("reason").asString()));
        return reasons;
    }
}
