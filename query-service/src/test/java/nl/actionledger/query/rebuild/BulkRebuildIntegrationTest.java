package nl.actionledger.query.rebuild;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A replay through the admin API is done in bulk ({@link BulkRebuild}, with a page of 40 events and a checkpoint every
 * 100 in the tests) and must leave every projection table exactly as the event handlers built it, also for text that
 * COPY's format gives meaning to, and also when it fails half way and the processor carries it on.
 */
class BulkRebuildIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final Instant JUNE = Instant.parse("2025-06-02T08:00:00.123Z");
    /** Backslashes, tabs, line ends, COPY's null marker, quotes and characters outside the BMP. */
    private static final String AWKWARD = "back\\slash\ttab\nline\r\nend \\N \\\\N \"quoted\" ';' ü ∑ 𝄞";

    @Autowired
    private AbandonedRebuilds abandonedRebuilds;

    @Test
    void aRebuildInBulkStoresExactlyWhatTheEventHandlersStored() {
        busyHistory("nl-bulk-busy", 3, 60);
        ActionRef action = ActionRef.of("nl-bulk", "1");
        new History(action)
                .then(registration(action), "system", "reg-bulk-1", JUNE)
                .then(
                        new ActionStatusChangedEvent(
                                action, ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, AWKWARD),
                        MetaData.with("actor", "carol")
                                .and("actorName", AWKWARD)
                                .and("correlationId", "c-bulk-1"),
                        JUNE.plusSeconds(60))
                .then(
                        new ActionReassignedEvent(action, null, new Assignment("NVWA", null, AWKWARD), AWKWARD),
                        MetaData.with("actor", "carol"),
                        JUNE.plusSeconds(120))
                .then(
                        new ActionTimeframeRevisedEvent(
                                action,
                                RANGE_2024_2025,
                                new Timeframe(TimeframeType.FROM, AWKWARD, 2026, null),
                                AWKWARD),
                        "carol",
                        "c-bulk-3",
                        JUNE.plusSeconds(180));
        awaitProjectionsCaughtUp();
        Map<String, String> handled = projectionChecksums();
        List<String> indexes = indexDefinitions();
        long head =
                getJson("admin", "/api/admin/projections").get(0).get("head").asLong();
        // the events up to the head, not the head itself: a rolled-back append leaves a gap in the global index
        long events = jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry WHERE global_index <= ?")
                .param(head)
                .query(Long.class)
                .single();

        assertThat(post("admin", "/api/admin/projections/replay").statusCode()).isEqualTo(202);
        awaitProjectionsCaughtUp();

        assertThat(projectionChecksums()).isEqualTo(handled);
        assertThat(indexDefinitions())
                .as("the indexes set aside during the rebuild")
                .isEqualTo(indexes);
        assertThat(jdbc.sql("SELECT count(*) FROM query_model.bulk_rebuild")
                        .query(Long.class)
                        .single())
                .as("the rebuild is no longer shown as running")
                .isZero();
        assertThat(jdbc.sql("SELECT last_analyze > now() - interval '1 minute' FROM pg_stat_user_tables "
                                + "WHERE schemaname = 'query_model' AND relname = 'audit_entry'")
                        .query(Boolean.class)
                        .single())
                .as("statistics gathered after the rebuild")
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = 'query_model' "
                                + "AND relname IN ('audit_entry', 'audit_change', 'action_state', 'action_view') "
                                + "AND last_vacuum > now() - interval '1 minute'")
                        .query(Long.class)
                        .single())
                .as("the tables vacuumed after the rebuild")
                .isEqualTo(4);
        for (JsonNode projection : getJson("admin", "/api/admin/projections")) {
            assertThat(projection.get("lastBulkRebuild").get("events").asLong())
                    .as(projection.toString())
                    .isEqualTo(events);
        }
        JsonNode view = getJson("evaluator", "/api/plans/nl-bulk/actions/1");
        assertThat(view.get("contact").asString()).isEqualTo(AWKWARD);
        assertThat(view.get("timeframe").get("raw").asString()).isEqualTo(AWKWARD);
    }

    /** A rebuild that stopped half way leaves the secondary indexes set aside; the next start builds them again. */
    @Test
    void indexesSetAsideAreBuiltAgainAtTheNextStart() {
        List<String> indexes = indexDefinitions();
        jdbc.sql("SELECT query_model.set_aside_projection_indexes()").query().singleRow();
        assertThat(indexDefinitions()).hasSizeLessThan(indexes.size());
        assertThat(String.join("\n", indexDefinitions()))
                .as("the keys in the actions' order set aside with the secondary indexes")
                .doesNotContain("action_state_pkey", "audit_entry_aggregate_sequence_key");

        abandonedRebuilds.run(null);

        assertThat(indexDefinitions()).isEqualTo(indexes);
    }

    /**
     * A bulk rebuild on another instance shows on this one as a replay, with that instance's name and position, and
     * keeps its indexes set aside; once its heartbeat has stopped (the instance died), the next look builds them again
     * and forgets the rebuild.
     */
    @Test
    void aBulkRebuildOnAnotherInstanceShowsHereAndItsIndexesComeBackWhenItDies() {
        awaitProjectionsCaughtUp();
        List<String> indexes = indexDefinitions();
        jdbc.sql("SELECT query_model.set_aside_projection_indexes()").query().singleRow();
        jdbc.sql("""
                INSERT INTO query_model.bulk_rebuild (processor_name, instance, projections, up_to, position, started_at,
                                                      heartbeat_at)
                VALUES ('projections', '4242@elsewhere', ARRAY['action-views', 'audit-trail', 'action-timeline',
                        'organisations'], 100, 40, now() - interval '10 seconds', now())""").update();
        try {
            assertThat(abandonedRebuilds.restoreWhatWasLeft()).isFalse();
            assertThat(indexDefinitions()).hasSizeLessThan(indexes.size());
            for (JsonNode projection : getJson("admin", "/api/admin/projections")) {
                assertThat(projection.get("replaying").asBoolean())
                        .as(projection.toString())
                        .isTrue();
                assertThat(projection.get("replayingInBulkOn").asString()).isEqualTo("4242@elsewhere");
                assertThat(projection.get("position").asLong()).isEqualTo(40);
            }
            assertProblem(post("admin", "/api/admin/projections/replay"), 409, "REPLAY_REFUSED");

            jdbc.sql("UPDATE query_model.bulk_rebuild SET heartbeat_at = now() - interval '10 minutes'")
                    .update();

            assertThat(abandonedRebuilds.restoreWhatWasLeft()).isTrue();
            assertThat(indexDefinitions()).isEqualTo(indexes);
            assertThat(jdbc.sql("SELECT count(*) FROM query_model.bulk_rebuild")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(getJson("admin", "/api/admin/projections")
                            .get(0)
                            .get("replaying")
                            .asBoolean())
                    .isFalse();
        } finally {
            jdbc.sql("DELETE FROM query_model.bulk_rebuild").update();
            jdbc.sql("SELECT query_model.restore_projection_indexes()").query().singleRow();
        }
    }

    /**
     * A page that fails after the first checkpoint (a trigger refuses one timeline row, once): the rebuild stops, the
     * processor carries on event by event from the last checkpoint over rows some projections wrote already, and the
     * tables end as the event handlers built them.
     */
    @Test
    void aRebuildInBulkThatFailsHalfWayIsCarriedOnFromItsLastCheckpoint() {
        busyHistory("nl-bulk-fail", 2, 80);
        awaitProjectionsCaughtUp();
        Map<String, String> handled = projectionChecksums();
        List<String> indexes = indexDefinitions();
        long failing = jdbc.sql("SELECT max(position) FROM query_model.action_state WHERE plan_id = 'nl-bulk-fail'")
                .query(Long.class)
                .single();
        assertThat(failing)
                .as("a position after the first checkpoint")
                .isGreaterThan(jdbc.sql("SELECT min(global_index) + 100 FROM event_store.domain_event_entry")
                        .query(Long.class)
                        .single());
        asOwner(owner -> {
            owner.sql("CREATE SEQUENCE query_model.refused_rows").update();
            owner.sql("""
                    CREATE FUNCTION query_model.refuse_once() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                        IF NEW.position = %d AND nextval('query_model.refused_rows') = 1 THEN
                            RAISE EXCEPTION 'refused once by the test';
                        END IF;
                        RETURN NEW;
                    END $$""".formatted(failing)).update();
            owner.sql("CREATE TRIGGER refuse_once BEFORE INSERT ON query_model.action_state FOR EACH ROW "
                            + "EXECUTE FUNCTION query_model.refuse_once()")
                    .update();
        });
        try {
            assertThat(post("admin", "/api/admin/projections/replay").statusCode())
                    .isEqualTo(202);
            awaitProjectionsCaughtUp();

            assertThat(jdbc.sql("SELECT last_value FROM query_model.refused_rows")
                            .query(Long.class)
                            .single())
                    .as("the row refused in bulk, then written by the processor")
                    .isEqualTo(2);
            assertThat(projectionChecksums()).isEqualTo(handled);
            assertThat(indexDefinitions()).isEqualTo(indexes);
        } finally {
            asOwner(owner -> {
                owner.sql("DROP TRIGGER refuse_once ON query_model.action_state")
                        .update();
                owner.sql("DROP FUNCTION query_model.refuse_once()").update();
                owner.sql("DROP SEQUENCE query_model.refused_rows").update();
            });
        }
    }

    @Test
    void eventsAppendedDuringARebuildReachEveryProjection() {
        awaitProjectionsCaughtUp();
        ActionRef action = ActionRef.of("nl-bulk", "2");

        assertThat(post("admin", "/api/admin/projections/replay").statusCode()).isEqualTo(202);
        new History(action)
                .then(registration(action), "system", "reg-bulk-2", JUNE)
                .then(
                        new ActionStatusChangedEvent(
                                action,
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.COMPLETED,
                                "Done during a rebuild"),
                        "carol",
                        "c-bulk-4",
                        JUNE.plusSeconds(60));
        awaitProjectionsCaughtUp();

        assertThat(getJson("evaluator", "/api/plans/nl-bulk/actions/2")
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
        assertThat(getJson("auditor", "/api/plans/nl-bulk/actions/2/audit").get("entries"))
                .hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM query_model.action_state WHERE aggregate_id = 'nl-bulk/2'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    /** Actions of their own plan, each registered and then changing status back and forth: a history of many pages. */
    private void busyHistory(String plan, int actions, int changesEach) {
        for (int number = 1; number <= actions; number++) {
            ActionRef action = ActionRef.of(plan, Integer.toString(number));
            History history = new History(action).then(registration(action), "system", "reg-" + action, JUNE);
            ImplementationStatus status = ImplementationStatus.NOT_STARTED;
            for (int change = 1; change <= changesEach; change++) {
                ImplementationStatus next = status == ImplementationStatus.NOT_STARTED
                        ? ImplementationStatus.IN_PROGRESS
                        : ImplementationStatus.NOT_STARTED;
                history.then(
                        new ActionStatusChangedEvent(action, status, next, "Change " + change),
                        "carol",
                        "c-" + action + "-" + change,
                        JUNE.plusSeconds(change));
                status = next;
            }
        }
    }

    /** A registration of a test action, the same for every test here: only the events after it differ. */
    private static ActionRegisteredEvent registration(ActionRef action) {
        return registered(action, 2, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.NATIONAL);
    }

    private List<String> indexDefinitions() {
        return jdbc.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'query_model' ORDER BY indexname")
                .query(String.class)
                .list();
    }
}
