package nl.actionledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.Projection;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.query.TestEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The plan's past through HTTP: as-of against a fold of the raw events, changes between two instants, the
 * monitoring report and its reproducibility, and projections rebuilt from the events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final String GENERATED_PLAN = "nl-generated";
    private static final String REPORT_PLAN = "nl-report";
    private static final Instant JAN_10 = Instant.parse("2025-01-10T09:00:00Z");
    private static final Timeframe RANGE_2023_2024 = new Timeframe(TimeframeType.RANGE, "2023 - 2024", 2023, 2024);
    private static final Timeframe RANGE_2022_2024 = new Timeframe(TimeframeType.RANGE, "2022 - 2024", 2022, 2024);
    private static final Timeframe RANGE_2024_2025 = new Timeframe(TimeframeType.RANGE, "2024 - 2025", 2024, 2025);
    private static final Timeframe CONTINUOUS = new Timeframe(TimeframeType.CONTINUOUS, "Doorlopend", null, null);
    private static final Timeframe TBD = new Timeframe(TimeframeType.TBD, "tbd", null, null);

    @Autowired
    EventProcessingConfiguration processing;

    private GeneratedHistory generated;
    private final Map<String, History> reportPlan = new HashMap<>();

    @BeforeAll
    void histories() {
        generated = new GeneratedHistory(GENERATED_PLAN, 8, 25, Instant.parse("2024-01-01T00:00:00Z"), 20261128L);
        Map<String, History> histories = new HashMap<>();
        for (GeneratedHistory.Step step : generated.steps()) {
            histories
                    .computeIfAbsent(step.action().actionId(), id -> new History(step.action()))
                    .then(step.payload(), step.actor(), "gen-" + step.sequenceNumber(), step.at());
        }

        report("1")
                .then(
                        TestEvents.registered(
                                ref("1"),
                                1,
                                1,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        JAN_10);
        report("2")
                .then(
                        TestEvents.registered(
                                ref("2"), 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2023_2024, CommitmentLevel.EU),
                        "system",
                        "reg",
                        JAN_10);
        report("3")
                .then(
                        TestEvents.registered(
                                ref("3"), 9, 3, ImplementationStatus.ON_HOLD, RANGE_2022_2024, CommitmentLevel.EU),
                        "system",
                        "reg",
                        JAN_10);
        report("4")
                .then(
                        TestEvents.registered(
                                ref("4"), 9, 3, ImplementationStatus.CONTINUOUS, CONTINUOUS, CommitmentLevel.NATIONAL),
                        "system",
                        "reg",
                        JAN_10);
        report("1")
                .then(
                        new ActionStatusChangedEvent(
                                ref("1"), ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "start"),
                        "ana",
                        "c1",
                        Instant.parse("2025-03-05T10:00:00Z"));
        report("1")
                .then(
                        new ActionStatusChangedEvent(
                                ref("1"),
                                ImplementationStatus.IN_PROGRESS,
                                ImplementationStatus.NOT_STARTED,
                                "false start"),
                        "ben",
                        "c2",
                        Instant.parse("2025-04-01T10:00:00Z"));
        report("5")
                .then(
                        TestEvents.registered(
                                ref("5"), 15, 4, ImplementationStatus.NOT_STARTED, TBD, CommitmentLevel.INTERNATIONAL),
                        "system",
                        "reg",
                        Instant.parse("2025-04-15T10:00:00Z"));
        report("2")
                .then(
                        new ActionTimeframeRevisedEvent(
                                ref("2"),
                                RANGE_2023_2024,
                                new Timeframe(TimeframeType.FROM, "Vanaf 2026", 2026, null),
                                "delayed"),
                        "cas",
                        "c3",
                        Instant.parse("2025-05-01T10:00:00Z"));
        report("4")
                .then(
                        new ActionReassignedEvent(ref("4"), null, new Assignment("nvwa", null, null), "NVWA leads"),
                        "ana",
                        "c4",
                        Instant.parse("2025-06-01T10:00:00Z"));
        awaitProjectionsCaughtUp();
    }

    private History report(String actionId) {
        return reportPlan.computeIfAbsent(actionId, id -> new History(ref(id)));
    }

    private static ActionRef ref(String actionId) {
        return ActionRef.of(REPORT_PLAN, actionId);
    }

    // --- the plan at an instant -----------------------------------------------------------------------

    @Test
    void asOfEqualsTheFoldOfTheRawEventsAtManyInstants() {
        Random random = new Random(7);
        long span = Duration.between(generated.first(), generated.last()).toSeconds();
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            instants.add(generated.first().plusSeconds((long) (random.nextDouble() * (span + 86_400))));
        }
        // exactly at an event, where an off-by-one in the interval bounds would show
        instants.add(generated.steps().get(generated.steps().size() / 2).at());

        for (Instant at : instants) {
            Map<String, GeneratedHistory.Step> expected = generated.foldedAt(at);
            JsonNode answer = getJson("evaluator", "/api/plans/" + GENERATED_PLAN + "/as-of?at=" + at);
            assertThat(Instant.parse(answer.get("at").asString())).isEqualTo(at);
            assertThat(answer.get("position").asLong())
                    .as("the position at " + at)
                    .isEqualTo(lastPositionOfThePlanAt(GENERATED_PLAN, at));
            Map<String, JsonNode> actual = new HashMap<>();
            answer.get("actions")
                    .forEach(view -> actual.put(view.get("actionId").asString(), view));
            assertThat(actual.keySet()).as("actions at " + at).isEqualTo(expected.keySet());
            expected.forEach((actionId, step) -> {
                JsonNode view = actual.get(actionId);
                assertThat(view.get("status").asString())
                        .as(actionId + " at " + at)
                        .isEqualTo(step.status().name());
                assertThat(text(view, "organisation"))
                        .as(actionId + " at " + at)
                        .isEqualTo(step.organisation());
                assertThat(text(view, "contact")).as(actionId + " at " + at).isEqualTo(step.contact());
                assertThat(view.get("timeframe").get("raw").asString())
                        .isEqualTo(step.timeframe().raw());
                assertThat(view.get("timeframe").get("type").asString())
                        .isEqualTo(step.timeframe().type().name());
                assertThat(view.get("version").asLong())
                        .as(actionId + " at " + at)
                        .isEqualTo(step.sequenceNumber());
                assertThat(view.get("lastChangedBy").asString()).isEqualTo(step.actor());
            });
        }
    }

    /** Straight from the event table: the global index of the plan's last event stamped at or before the instant. */
    private long lastPositionOfThePlanAt(String plan, Instant at) {
        return jdbc.sql("""
                        SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry
                        WHERE aggregate_identifier LIKE :plan || '/%' AND time_stamp::timestamptz <= :at""")
                .param("plan", plan)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Test
    void asOfOneActionAndWithFilters() {
        Instant at = Instant.parse("2025-03-10T00:00:00Z");
        JsonNode one = getJson("evaluator", "/api/plans/" + REPORT_PLAN + "/actions/1/as-of?at=" + at);
        assertThat(one.get("action").get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(one.get("action").get("version").asLong()).isEqualTo(1);

        JsonNode filtered =
                getJson("evaluator", "/api/plans/" + REPORT_PLAN + "/as-of?at=2025-06-30&priority=3&commitment=EU");
        assertThat(filtered.get("actions")).hasSize(1);
        assertThat(filtered.get("actions").get(0).get("actionId").asString()).isEqualTo("3");
        assertThat(filtered.get("position").asLong()).isPositive();
    }

    @Test
    void aDateMeansTheEndOfThatDayInTheNetherlands() {
        JsonNode answer = getJson("evaluator", "/api/plans/" + REPORT_PLAN + "/as-of?at=2025-06-01");
        // 2025-06-01 ends at 22:00 UTC (CEST); the reassignment at 10:00 UTC that day is included
        assertThat(Instant.parse(answer.get("at").asString())).isEqualTo(Instant.parse("2025-06-01T21:59:59.999999Z"));
        assertThat(actionsById(answer.get("actions"))
                        .get("4")
                        .get("organisation")
                        .asString())
                .isEqualTo("nvwa");
    }

    @Test
    void refusesTheFutureThePastBeforeThePlanAndNonsense() {
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        assertProblem(get("evaluator", "/api/plans/" + REPORT_PLAN + "/as-of?at=" + future), 400, "INSTANT_IN_FUTURE");
        assertProblem(
                get("evaluator", "/api/plans/" + REPORT_PLAN + "/as-of?at=2020-01-01"), 404, "PLAN_NOT_YET_REGISTERED");
        assertProblem(get("evaluator", "/api/plans/nl-unknown/as-of?at=2025-01-01"), 404, "PLAN_NOT_FOUND");
        assertProblem(get("evaluator", "/api/plans/" + REPORT_PLAN + "/as-of?at=last-tuesday"), 400, "INVALID_INSTANT");
        assertProblem(get("evaluator", "/api/plans/" + REPORT_PLAN + "/as-of"), 400, "MISSING_INSTANT");
        assertProblem(
                get("evaluator", "/api/plans/" + REPORT_PLAN + "/actions/9/as-of?at=2025-06-01"),
                404,
                "ACTION_NOT_FOUND");
        assertProblem(get("coordinator", "/api/plans/" + REPORT_PLAN + "/as-of?at=2025-06-01"), 403, "FORBIDDEN");
        assertProblem(get(null, "/api/plans/" + REPORT_PLAN + "/as-of?at=2025-06-01"), 401, "UNAUTHENTICATED");
    }

    // --- what changed in a period -----------------------------------------------------------------------

    @Test
    void changesShowTheNetChangePerActionAndWhoMadeThem() {
        JsonNode changes =
                getJson("evaluator", "/api/plans/" + REPORT_PLAN + "/changes?from=2025-03-01T00:00:00Z&to=2025-06-30");
        Map<String, JsonNode> byAction = actionsById(changes.get("actions"));

        assertThat(byAction.keySet()).containsExactlyInAnyOrder("1", "2", "4", "5");
        JsonNode changedBack = byAction.get("1");
        assertThat(changedBack.get("netChange").asString()).isEqualTo("NONE");
        assertThat(changedBack.get("events").asInt()).isEqualTo(2);
        assertThat(changedBack.get("actors").toString()).isEqualTo("[\"ana\",\"ben\"]");
        assertThat(changedBack.get("changes")).isEmpty();
        assertThat(fieldChange(byAction.get("2"), "timeframe")).isEqualTo("2023 - 2024 -> Vanaf 2026");
        assertThat(fieldChange(byAction.get("4"), "organisation")).isEqualTo("null -> nvwa");
        assertThat(fieldChange(byAction.get("5"), "status")).isEqualTo("null -> NOT_STARTED");
        assertProblem(
                get("evaluator", "/api/plans/" + REPORT_PLAN + "/changes?from=2025-06-30&to=2025-03-01"),
                400,
                "INVALID_PERIOD");
    }

    /** One request reads at most ten years of events; exactly ten years is still one period. */
    @Test
    void aPeriodSpansAtMostTenYears() {
        assertThat(get("evaluator", "/api/plans/" + REPORT_PLAN + "/changes?from=2015-06-30&to=2025-06-30")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("evaluator", "/api/plans/" + REPORT_PLAN + "/report?from=2015-06-30&to=2025-06-30")
                        .statusCode())
                .isEqualTo(200);
        assertProblem(
                get("evaluator", "/api/plans/" + REPORT_PLAN + "/changes?from=2015-06-30&to=2025-07-01"),
                400,
                "PERIOD_TOO_LONG");
        assertProblem(
                get("evaluator", "/api/plans/" + REPORT_PLAN + "/report?from=1900-01-01&to=2025-06-30"),
                400,
                "PERIOD_TOO_LONG");
    }

    // --- the plan through time ---------------------------------------------------------------------------

    /** The small plan by hand: four actions registered on 10 January, one started and stopped again, a fifth added. */
    @Test
    void statusOverTimeCountsTheActionsPerStatusAtTheEndOfEachMonth() {
        JsonNode answer = getJson(
                "evaluator",
                "/api/plans/" + REPORT_PLAN + "/status-over-time?from=2024-12-31&to=2025-05-31&granularity=month");

        assertThat(answer.get("granularity").asString()).isEqualTo("MONTH");
        List<String> rows = new ArrayList<>();
        answer.get("points")
                .forEach(point -> rows.add(point.get("at").asString() + " "
                        + point.get("actions").asInt()
                        + " NS" + point.get("statuses").get("NOT_STARTED").asInt()
                        + " IP" + point.get("statuses").get("IN_PROGRESS").asInt()
                        + " OH" + point.get("statuses").get("ON_HOLD").asInt()
                        + " C" + point.get("statuses").get("CONTINUOUS").asInt()));
        // the end of each month in the Netherlands; the plan was empty at the end of 2024
        assertThat(rows)
                .containsExactly(
                        "2024-12-31T22:59:59.999999Z 0 NS0 IP0 OH0 C0",
                        "2025-01-31T22:59:59.999999Z 4 NS2 IP0 OH1 C1",
                        "2025-02-28T22:59:59.999999Z 4 NS2 IP0 OH1 C1",
                        "2025-03-31T21:59:59.999999Z 4 NS1 IP1 OH1 C1",
                        "2025-04-30T21:59:59.999999Z 5 NS3 IP0 OH1 C1",
                        "2025-05-31T21:59:59.999999Z 5 NS3 IP0 OH1 C1");
    }

    @Test
    void statusOverTimeEqualsTheFoldOfTheRawEventsAtEveryPoint() {
        // weeks across the whole generated history, and days between two events, where the interval bounds show
        assertStatusOverTimeIsTheFold("from=2023-12-31&to=2025-12-31&granularity=week");
        List<GeneratedHistory.Step> steps = generated.steps();
        Instant first = steps.get(steps.size() / 3).at();
        Instant last = steps.stream()
                .map(GeneratedHistory.Step::at)
                .filter(at -> at.isAfter(first.plus(Duration.ofDays(60))))
                .findFirst()
                .orElseThrow();
        assertStatusOverTimeIsTheFold("from=" + first + "&to=" + last + "&granularity=day");
    }

    private void assertStatusOverTimeIsTheFold(String query) {
        JsonNode answer = getJson("evaluator", "/api/plans/" + GENERATED_PLAN + "/status-over-time?" + query);
        assertThat(answer.get("points").size()).as(query).isGreaterThan(50);
        for (JsonNode point : answer.get("points")) {
            Instant at = Instant.parse(point.get("at").asString());
            Map<String, Integer> expected = new HashMap<>();
            for (ImplementationStatus status : ImplementationStatus.values()) {
                expected.put(status.name(), 0);
            }
            generated
                    .foldedAt(at)
                    .values()
                    .forEach(step -> expected.merge(step.status().name(), 1, Integer::sum));
            Map<String, Integer> actual = new HashMap<>();
            point.get("statuses")
                    .properties()
                    .forEach(
                            entry -> actual.put(entry.getKey(), entry.getValue().asInt()));
            assertThat(actual).as(query + " at " + at).isEqualTo(expected);
            assertThat(point.get("actions").asInt())
                    .isEqualTo(generated.foldedAt(at).size());
        }
    }

    @Test
    void statusOverTimeCountsAStateAtAPointItBeginsExactlyAtAndAnEventStampedBeforeItsPredecessorAfterIt() {
        String plan = "nl-course";
        Instant endOfJanuary = Instant.parse("2025-01-31T22:59:59.999999Z");
        Instant endOfMarch = Instant.parse("2025-03-31T21:59:59.999999Z");
        ActionRef first = ActionRef.of(plan, "1");
        ActionRef second = ActionRef.of(plan, "2");
        new History(second)
                .then(
                        TestEvents.registered(second, 1, 1, ImplementationStatus.ON_HOLD, TBD, CommitmentLevel.EU),
                        "system",
                        "reg",
                        Instant.parse("2025-01-15T10:00:00Z"))
                .then(
                        new ActionStatusChangedEvent(
                                second, ImplementationStatus.ON_HOLD, ImplementationStatus.IN_PROGRESS, "resumed"),
                        "ana",
                        "c1",
                        Instant.parse("2025-03-10T10:00:00Z"))
                // stamped a day before its predecessor (another instance's clock): it begins when its predecessor did
                .then(
                        new ActionStatusChangedEvent(
                                second, ImplementationStatus.IN_PROGRESS, ImplementationStatus.COMPLETED, "done"),
                        "ben",
                        "c2",
                        Instant.parse("2025-03-09T10:00:00Z"));
        new History(first)
                .then(
                        TestEvents.registered(first, 1, 1, ImplementationStatus.NOT_STARTED, TBD, CommitmentLevel.EU),
                        "system",
                        "reg",
                        endOfJanuary)
                .then(
                        new ActionStatusChangedEvent(
                                first, ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "start"),
                        "ana",
                        "c3",
                        Instant.parse("2025-02-10T10:00:00Z"))
                .then(
                        new ActionReassignedEvent(first, null, new Assignment("nvwa", null, null), "NVWA leads"),
                        "ana",
                        "c4",
                        Instant.parse("2025-02-15T10:00:00Z"))
                .then(
                        new ActionStatusChangedEvent(
                                first,
                                ImplementationStatus.IN_PROGRESS,
                                ImplementationStatus.NOT_STARTED,
                                "false start"),
                        "ben",
                        "c5",
                        Instant.parse("2025-02-20T10:00:00Z"))
                .then(
                        new ActionStatusChangedEvent(
                                first, ImplementationStatus.NOT_STARTED, ImplementationStatus.COMPLETED, "done"),
                        "ben",
                        "c6",
                        endOfMarch);
        awaitProjectionsCaughtUp();

        JsonNode answer = getJson(
                "evaluator",
                "/api/plans/" + plan + "/status-over-time?from=2025-01-01&to=2025-04-30&granularity=month");
        List<String> rows = new ArrayList<>();
        answer.get("points").forEach(point -> {
            List<String> statuses = new ArrayList<>();
            point.get("statuses").properties().forEach(entry -> {
                if (entry.getValue().asInt() != 0) {
                    statuses.add(entry.getKey() + "=" + entry.getValue().asInt());
                }
            });
            rows.add(point.get("at").asString() + " " + point.get("actions").asInt() + " " + statuses);
        });
        assertThat(rows)
                .containsExactly(
                        "2025-01-01T22:59:59.999999Z 0 []",
                        "2025-01-31T22:59:59.999999Z 2 [NOT_STARTED=1, ON_HOLD=1]",
                        "2025-02-28T22:59:59.999999Z 2 [NOT_STARTED=1, ON_HOLD=1]",
                        "2025-03-31T21:59:59.999999Z 2 [COMPLETED=2]",
                        "2025-04-30T21:59:59.999999Z 2 [COMPLETED=2]");
        assertThat(getJson("evaluator", "/api/plans/" + plan + "/actions/2/as-of?at=2025-03-09T12:00:00Z")
                        .get("action")
                        .get("status")
                        .asString())
                .as("not completed before it was resumed")
                .isEqualTo("ON_HOLD");
        assertThat(getJson("evaluator", "/api/plans/" + plan + "/actions/2/as-of?at=2025-03-10T10:00:00Z")
                        .get("action")
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void statusOverTimeRefusesABadPeriodOrGranularityAndTooManyPoints() {
        String path = "/api/plans/" + REPORT_PLAN + "/status-over-time";
        assertProblem(get("evaluator", path + "?from=2025-06-30&to=2025-03-01"), 400, "INVALID_PERIOD");
        assertProblem(get("evaluator", path + "?to=2025-03-01"), 400, "MISSING_INSTANT");
        assertProblem(
                get("evaluator", path + "?from=2025-01-01&to=2025-03-01&granularity=fortnight"),
                400,
                "INVALID_GRANULARITY");
        assertProblem(get("evaluator", path + "?from=2015-06-30&to=2025-07-01"), 400, "PERIOD_TOO_LONG");
        assertProblem(
                get("evaluator", path + "?from=2024-01-01&to=2025-06-30&granularity=day"), 400, "TOO_MANY_POINTS");
        assertProblem(get("evaluator", path + "?from=yesterday&to=2025-06-30"), 400, "INVALID_INSTANT");
        assertProblem(
                get("evaluator", "/api/plans/nl-unknown/status-over-time?from=2025-01-01&to=2025-03-01"),
                404,
                "PLAN_NOT_FOUND");
        assertProblem(get("coordinator", path + "?from=2025-01-01&to=2025-03-01"), 403, "FORBIDDEN");
        // a year of days is allowed: 366 ends of days and the start
        assertThat(getJson("evaluator", path + "?from=2024-06-30&to=2025-06-30&granularity=day")
                        .get("points")
                        .size())
                .isEqualTo(366);
    }

    // --- the monitoring report ---------------------------------------------------------------------------

    @Test
    void theReportCountsTransitionsRevisionsSlipsAndSilentActions() {
        JsonNode report = getJson("evaluator", reportPath());

        assertThat(report.get("statusAtFrom").get("actions").asInt()).isEqualTo(4);
        assertThat(report.get("statusAtTo").get("actions").asInt()).isEqualTo(5);
        assertThat(report.get("statusAtTo").get("overall").get("NOT_STARTED").asInt())
                .isEqualTo(3);
        assertThat(report.get("statusAtTo").get("overall").get("ON_HOLD").asInt())
                .isEqualTo(1);
        assertThat(report.get("statusAtTo")
                        .get("byPriority")
                        .get("3")
                        .get("CONTINUOUS")
                        .asInt())
                .isEqualTo(1);
        assertThat(report.get("statusAtTo")
                        .get("byObjective")
                        .get("15")
                        .get("NOT_STARTED")
                        .asInt())
                .isEqualTo(1);
        assertThat(report.get("statusAtTo")
                        .get("byOrganisation")
                        .get("nvwa")
                        .get("CONTINUOUS")
                        .asInt())
                .isEqualTo(1);
        assertThat(report.get("statusAtFrom").get("byOrganisation").has("nvwa")).isFalse();
        assertThat(report.get("statusTransitions")).hasSize(2);
        assertThat(report.get("statusTransitions").get(1).get("reason").asString())
                .isEqualTo("false start");
        assertThat(report.get("timeframeRevisions")).hasSize(1);
        JsonNode revision = report.get("timeframeRevisions").get(0);
        assertThat(List.of(
                        revision.get("from").asString(),
                        revision.get("to").asString(),
                        revision.get("actor").asString(),
                        revision.get("reason").asString()))
                .containsExactly("2023 - 2024", "Vanaf 2026", "cas", "delayed");
        assertThat(report.get("slipped")).hasSize(1);
        assertThat(report.get("slipped").get(0).get("actionId").asString()).isEqualTo("3");
        assertThat(report.get("notUpdated").toString()).isEqualTo("[\"3\"]");
        assertThat(report.get("contentHash").asString()).startsWith("sha256:");
        assertThat(report.get("position").asLong()).isPositive();
    }

    @Test
    void theReportAsCsvHasARowPerAction() {
        HttpResponse<String> csv = getAccepting("evaluator", reportPath(), "text/csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("action_id,eu_action_number,objective,priority,organisation,status_at_from");
        assertThat(lines[3]).startsWith("3,3,9,3,,ON_HOLD,ON_HOLD,2022 - 2024,RANGE,2024,yes,0,");
        assertThat(csv.headers().firstValue("X-Report-Content-Hash").orElse("")).startsWith("sha256:");
    }

    @Test
    void theSameReportComesOutTheSameAfterLaterChanges() {
        HttpResponse<String> jsonBefore = get("evaluator", reportPath());
        HttpResponse<String> csvBefore = getAccepting("evaluator", reportPath(), "text/csv");
        JsonNode changesBefore =
                getJson("evaluator", "/api/plans/" + REPORT_PLAN + "/changes?from=2025-03-01T00:00:00Z&to=2025-06-30");

        Instant now = Instant.now();
        report("3")
                .then(
                        new ActionStatusChangedEvent(
                                ref("3"), ImplementationStatus.ON_HOLD, ImplementationStatus.COMPLETED, "finally"),
                        "ana",
                        "later-1",
                        now);
        report("1")
                .then(
                        new ActionReassignedEvent(ref("1"), null, new Assignment("rvo", null, "x"), "later"),
                        "ben",
                        "later-2",
                        now);
        report("6")
                .then(
                        TestEvents.registered(
                                ref("6"), 2, 1, ImplementationStatus.NOT_STARTED, TBD, CommitmentLevel.EU),
                        "system",
                        "reg",
                        now);
        awaitProjectionsCaughtUp();
        assertThat(getJson("evaluator", "/api/plans/" + REPORT_PLAN + "/actions/3/as-of?at=" + Instant.now())
                        .get("action")
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");

        assertThat(get("evaluator", reportPath()).body()).isEqualTo(jsonBefore.body());
        assertThat(getAccepting("evaluator", reportPath(), "text/csv").body()).isEqualTo(csvBefore.body());
        assertThat(getJson(
                        "evaluator", "/api/plans/" + REPORT_PLAN + "/changes?from=2025-03-01T00:00:00Z&to=2025-06-30"))
                .isEqualTo(changesBefore);
    }

    // --- replay ------------------------------------------------------------------------------------------

    @Test
    void aReplayEndsInExactlyTheStateBeforeIt() {
        awaitProjectionsCaughtUp();
        Map<String, String> before = projectionChecksums();

        HttpResponse<String> all = post("admin", "/api/admin/projections/replay");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(202);
        assertThat(all.headers().firstValue("Location")).contains("/api/admin/projections");
        awaitProjectionsCaughtUp();
        assertThat(projectionChecksums()).isEqualTo(before);

        for (String projection : List.of("action-views", "audit-trail", "action-timeline")) {
            HttpResponse<String> accepted = post("admin", "/api/admin/projections/" + projection + "/replay");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("Location")).contains("/api/admin/projections/" + projection);
            awaitProjectionsCaughtUp();
        }
        assertThat(projectionChecksums()).isEqualTo(before);

        assertProblem(post("evaluator", "/api/admin/projections/action-views/replay"), 403, "FORBIDDEN");
        assertProblem(post("admin", "/api/admin/projections/no-such-thing/replay"), 404, "PROJECTION_NOT_FOUND");
    }

    /**
     * A rebuild of one projection clears and rebuilds that one only: the others skip the replayed events. Shown with a
     * view row removed by hand, which a rebuild of the audit trail leaves missing and a rebuild of the views restores.
     */
    @Test
    void aProjectionIsRebuiltOnItsOwn() {
        awaitProjectionsCaughtUp();
        Map<String, String> before = projectionChecksums();
        String auditTrail = before.get("audit_entry");
        jdbc.sql(
                        "DELETE FROM query_model.action_view WHERE aggregate_id = (SELECT min(aggregate_id) FROM query_model.action_view)")
                .update();
        Map<String, String> damaged = projectionChecksums();

        assertThat(post("admin", "/api/admin/projections/audit-trail/replay").statusCode())
                .isEqualTo(202);
        awaitProjectionsCaughtUp();
        assertThat(projectionChecksums()).isEqualTo(damaged).containsEntry("audit_entry", auditTrail);

        assertThat(post("admin", "/api/admin/projections/action-views/replay").statusCode())
                .isEqualTo(202);
        awaitProjectionsCaughtUp();
        assertThat(projectionChecksums()).isEqualTo(before);
    }

    @Test
    void projectionsThatNeverRanBuildThemselvesFromTheWholeHistory() {
        awaitProjectionsCaughtUp();
        Map<String, String> before = projectionChecksums();
        StreamingEventProcessor projections = processing
                .eventProcessor(Projection.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();

        projections.shutDown();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM query_model.token_entry WHERE processor_name = ?")
                    .param(Projection.PROCESSOR)
                    .update();
            jdbc.sql("TRUNCATE query_model.action_state, query_model.action_baseline, query_model.action_view, "
                            + "query_model.audit_change, query_model.audit_entry")
                    .update();
        });
        projections.start();
        awaitProjectionsCaughtUp();

        assertThat(projectionChecksums()).isEqualTo(before);
    }

    @Test
    void theAdminViewShowsEveryProjection() {
        awaitProjectionsCaughtUp();
        JsonNode projections = getJson("admin", "/api/admin/projections");

        List<String> names = new ArrayList<>();
        projections.forEach(projection -> names.add(projection.get("name").asString()));
        assertThat(names).containsExactly("action-timeline", "action-views", "audit-trail", "organisations");
        projections.forEach(projection -> {
            assertThat(projection.get("lag").asLong()).isZero();
            assertThat(projection.get("replaying").asBoolean()).isFalse();
            assertThat(projection.get("head").asLong())
                    .isEqualTo(projection.get("position").asLong());
        });
    }

    @Test
    void aProjectionNoInstanceProcessesShowsHowFarBehindItIs() {
        awaitProjectionsCaughtUp();
        long head = getJson("admin", "/api/admin/projections/action-views")
                .get("head")
                .asLong();
        StreamingEventProcessor views = processing
                .eventProcessor(Projection.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();

        views.shutDown();
        try {
            new History(ActionRef.of("nl-unprocessed", "1"))
                    .then(
                            TestEvents.registered(
                                    ActionRef.of("nl-unprocessed", "1"),
                                    1,
                                    1,
                                    ImplementationStatus.NOT_STARTED,
                                    TBD,
                                    CommitmentLevel.NATIONAL),
                            "system",
                            "reg",
                            JAN_10);

            JsonNode status = getJson("admin", "/api/admin/projections/action-views");
            assertThat(status.get("segmentsHere").asInt()).isZero();
            assertThat(status.get("segments").asInt()).isEqualTo(2);
            // Its stored tokens may stand a little before the head it had reached: a segment stores its token
            // after a batch it handled, not after every event it passes over.
            assertThat(status.get("head").asLong()).isEqualTo(head + 1);
            assertThat(status.get("position").asLong()).isBetween(1L, head);
            assertThat(status.get("lag").asLong())
                    .isEqualTo(head + 1 - status.get("position").asLong());
        } finally {
            views.start();
        }
        awaitProjectionsCaughtUp();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String reportPath() {
        return "/api/plans/" + REPORT_PLAN + "/report?from=2025-03-01T00:00:00Z&to=2025-06-30";
    }

    private static Map<String, JsonNode> actionsById(JsonNode actions) {
        Map<String, JsonNode> byId = new HashMap<>();
        actions.forEach(action -> byId.put(action.get("actionId").asString(), action));
        return byId;
    }

    private static String fieldChange(JsonNode action, String field) {
        for (JsonNode change : action.get("changes")) {
            if (change.get("field").asString().equals(field)) {
                return text(change, "before") + " -> " + text(change, "after");
            }
        }
        return "no change of " + field;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
