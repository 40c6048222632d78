package nl.actionledger.query.action;

import static nl.actionledger.query.TestEvents.CONTINUOUS;
import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.Projection;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The current-status view, built by its processor from the event table and read through HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionViewsIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @BeforeAll
    void history() {
        new History(action("201"))
                .then(
                        registered(
                                "201",
                                9,
                                3,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionStatusChangedEvent(
                                action("201"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                "started"),
                        "coordinator",
                        "c-201-1",
                        T0.plusSeconds(3600))
                .then(
                        new ActionReassignedEvent(
                                action("201"), null, new Assignment("nvwa", null, "J. Jansen"), "lead"),
                        "coordinator",
                        "c-201-2",
                        T0.plusSeconds(7200))
                .then(
                        new ActionTimeframeRevisedEvent(
                                action("201"),
                                RANGE_2024_2025,
                                new Timeframe(TimeframeType.FROM, "Vanaf 2026", 2026, null),
                                "delayed"),
                        "admin",
                        "c-201-3",
                        T0.plusSeconds(10800));
        new History(action("202"))
                .then(
                        registered("202", 10, 3, ImplementationStatus.CONTINUOUS, CONTINUOUS, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0);
        new History(action("203"))
                .then(
                        registered(
                                "203",
                                15,
                                4,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.INTERNATIONAL,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(action("203"), null, new Assignment("douane", null, null), "customs"),
                        "coordinator",
                        "c-203-1",
                        T0.plusSeconds(60));
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/201",
                view -> view.get("version").asLong() == 3);
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/203",
                view -> view.get("version").asLong() == 1);
    }

    @Test
    void showsAnActionAsItStandsAfterItsLastEvent() {
        JsonNode view = getJson("evaluator", "/api/plans/eu-wap-nl/actions/201");

        assertThat(view.get("euActionNumber").asInt()).isEqualTo(201);
        assertThat(view.get("objective").get("number").asInt()).isEqualTo(9);
        assertThat(view.get("priority").get("number").asInt()).isEqualTo(3);
        assertThat(view.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(view.get("organisation").asString()).isEqualTo("nvwa");
        assertThat(view.get("contact").asString()).isEqualTo("J. Jansen");
        assertThat(view.get("timeframe").get("raw").asString()).isEqualTo("Vanaf 2026");
        assertThat(view.get("timeframe").get("type").asString()).isEqualTo("FROM");
        assertThat(view.get("timeframe").get("fromYear").asInt()).isEqualTo(2026);
        assertThat(view.get("version").asLong()).isEqualTo(3);
        assertThat(view.get("lastChangedBy").asString()).isEqualTo("admin");
        assertThat(Instant.parse(view.get("lastChangedAt").asString())).isEqualTo(T0.plusSeconds(10800));
    }

    @Test
    void filtersTheListByStatusOrganisationObjectivePriorityAndCommitment() {
        assertThat(ids("?status=IN_PROGRESS")).contains("201").doesNotContain("202", "203");
        assertThat(ids("?organisation=nvwa")).containsExactly("201");
        assertThat(ids("?objective=10")).containsExactly("202");
        assertThat(ids("?priority=4")).containsExactly("203");
        assertThat(ids("?commitment=INTERNATIONAL")).containsExactly("203");
        assertThat(ids("?commitment=NATIONAL&priority=3")).containsExactly("201");
        assertThat(ids("")).containsSubsequence("201", "202", "203");
    }

    @Test
    void anEvaluatorACoordinatorAndAnAuditorMayReadTheViews() {
        for (String user : List.of("evaluator", "coordinator", "auditor", "admin")) {
            assertThat(get(user, "/api/plans/eu-wap-nl/actions/202").statusCode())
                    .as(user)
                    .isEqualTo(200);
        }
    }

    @Test
    void refusesWithProblems() {
        assertProblem(get(null, "/api/plans/eu-wap-nl/actions"), 401, "UNAUTHENTICATED");
        assertProblem(get("nobody", "/api/plans/eu-wap-nl/actions"), 401, "UNAUTHENTICATED");
        assertProblem(get("evaluator", "/api/plans/eu-wap-be/actions"), 404, "PLAN_NOT_FOUND");
        assertProblem(get("evaluator", "/api/plans/eu-wap-nl/actions/999"), 404, "ACTION_NOT_FOUND");
        assertProblem(get("evaluator", "/api/plans/eu-wap-nl/actions?status=SLEEPING"), 400, "INVALID_PARAMETER");
        assertProblem(get("evaluator", "/api/plans/eu-wap-nl/actions?objective=seven"), 400, "INVALID_PARAMETER");
    }

    @Test
    void healthIsPublicAndTheRestOfActuatorIsForAdmins() {
        assertThat(get(null, "/actuator/health").statusCode()).isEqualTo(200);
        assertProblem(get("auditor", "/actuator/info"), 403, "FORBIDDEN");
        assertThat(get("admin", "/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get(null, "/v3/api-docs").statusCode()).isEqualTo(200);
    }

    /** Only what the events can rebuild is written here, token and rows in one transaction: no commit waits for the disk. */
    @Test
    void projectionCommitsDoNotWaitForTheDisk() {
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
                .isEqualTo("off");
    }

    @Test
    void theTokensOfEveryProcessorLiveInByteaColumnsNextToTheProjections() {
        String tokenType = jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_schema = 'query_model' AND table_name = 'token_entry' AND column_name = 'token'""").query(String.class).single();
        assertThat(tokenType).isEqualTo("bytea");
        List<String> processors = jdbc.sql("SELECT DISTINCT processor_name FROM query_model.token_entry ORDER BY 1")
                .query(String.class)
                .list();
        assertThat(processors).containsExactly(Projection.PROCESSOR);
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        getJson("evaluator", "/api/plans/eu-wap-nl/actions" + query)
                .forEach(view -> ids.add(view.get("actionId").asString()));
        return ids;
    }
}
