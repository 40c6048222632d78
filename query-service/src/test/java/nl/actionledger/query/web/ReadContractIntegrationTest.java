package nl.actionledger.query.web;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The read API's one contract, on a plan of its own: a date means the end of that day in the Netherlands on every
 * endpoint, every period is (from, to], a bad instant is INVALID_INSTANT everywhere, renamed addresses still answer,
 * the plans are listed, one action answers If-None-Match, and the spreadsheets are what a spreadsheet needs.
 * <p>
 * Action 1 changes twice around midnight in Amsterdam at the end of 31 March 2025 (UTC+2 by then): once in the last
 * millisecond of that day, once in the first of 1 April. Each endpoint must put the first in "31 March" and the second
 * out of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadContractIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final String PLAN = "contract-nl";
    private static final String PLAN_PATH = "/api/plans/" + PLAN;
    private static final Instant REGISTERED = Instant.parse("2025-01-10T10:00:00Z");
    private static final Instant LAST_MOMENT_OF_31_MARCH = Instant.parse("2025-03-31T21:59:59.999Z");
    private static final Instant FIRST_MOMENT_OF_1_APRIL = Instant.parse("2025-03-31T22:00:00Z");
    private static final String ACTOR = "contract-writer";
    /** A reason as someone might type it to make a spreadsheet run something. */
    private static final String FORMULA_REASON = "=HYPERLINK(\"http://evil.example\",\"Zoë\")";

    @BeforeAll
    void history() {
        new History(ActionRef.of(PLAN, "1"))
                .then(
                        registered(
                                ActionRef.of(PLAN, "1"),
                                1,
                                1,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "contract-reg-1",
                        REGISTERED)
                .then(
                        new ActionStatusChangedEvent(
                                ActionRef.of(PLAN, "1"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                FORMULA_REASON),
                        ACTOR,
                        "contract-1-1",
                        LAST_MOMENT_OF_31_MARCH)
                .then(
                        new ActionStatusChangedEvent(
                                ActionRef.of(PLAN, "1"),
                                ImplementationStatus.IN_PROGRESS,
                                ImplementationStatus.COMPLETED,
                                "+31 done, said Zoë"),
                        ACTOR,
                        "contract-1-2",
                        FIRST_MOMENT_OF_1_APRIL);
        new History(ActionRef.of(PLAN, "2"))
                .then(
                        registered(
                                ActionRef.of(PLAN, "2"),
                                1,
                                2,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.EU),
                        "system",
                        "contract-reg-2",
                        REGISTERED);
        awaitJson(
                "auditor",
                "/api/audit?planId=" + PLAN,
                page -> page.get("entries").size() == 4);
        awaitJson(
                "evaluator",
                PLAN_PATH + "/actions/1",
                action -> action.get("version").asLong() == 2);
    }

    @Test
    void aDateIsTheEndOfThatDayInTheNetherlandsOnEveryEndpoint() {
        assertThat(statusOf(
                        getJson("evaluator", PLAN_PATH + "/as-of?at=2025-03-31").get("actions"), "1"))
                .isEqualTo("IN_PROGRESS");
        assertThat(getJson("evaluator", PLAN_PATH + "/actions/1/as-of?at=2025-03-31")
                        .get("action")
                        .get("status")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(getJson("evaluator", PLAN_PATH + "/as-of?at=2025-04-01")
                        .get("actions")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");

        JsonNode march = getJson("evaluator", PLAN_PATH + "/changes?from=2025-01-10&to=2025-03-31");
        assertThat(march.get("actions")).hasSize(1);
        assertThat(march.get("actions")
                        .get(0)
                        .get("changes")
                        .get(0)
                        .get("after")
                        .asString())
                .isEqualTo("IN_PROGRESS");

        JsonNode report = getJson("evaluator", PLAN_PATH + "/report?from=2025-01-10&to=2025-03-31");
        assertThat(report.get("actions").get(0).get("statusAtTo").asString()).isEqualTo("IN_PROGRESS");
        assertThat(report.get("actions").get(0).get("eventsInPeriod").asInt()).isEqualTo(1);

        assertThat(reasons(getJson("auditor", "/api/audit?planId=" + PLAN + "&from=2025-01-10&to=2025-03-31")))
                .containsExactly(FORMULA_REASON);
        assertThat(exported("/api/integrity/export?actor=" + ACTOR + "&from=2025-01-10&to=2025-03-31"))
                .containsExactly(PLAN + "/1:1");
    }

    /** The same moment written out in full reads the same as the date. */
    @Test
    void aFullInstantWithAnOffsetIsTheSameMomentAsTheDate() {
        JsonNode byDate = getJson("evaluator", PLAN_PATH + "/as-of?at=2025-03-31");
        JsonNode byInstant = getJson("evaluator", PLAN_PATH + "/as-of?at=2025-03-31T23:59:59.999999%2B02:00");

        assertThat(byInstant.get("at")).isEqualTo(byDate.get("at"));
        assertThat(byInstant.get("actions")).isEqualTo(byDate.get("actions"));
        assertThat(reasons(getJson(
                        "auditor",
                        "/api/audit?planId=" + PLAN
                                + "&from=2025-01-10T23:59:59.999999%2B01:00&to=2025-03-31T21:59:59.999999Z")))
                .containsExactly(FORMULA_REASON);
    }

    /** After 'from', up to and including 'to': the day that ends a period is in it, the day that starts it is not. */
    @Test
    void everyPeriodLeavesOutItsStartAndHoldsItsEnd() {
        String firstOfApril = "from=2025-03-31&to=2025-04-01";

        JsonNode changes = getJson("evaluator", PLAN_PATH + "/changes?" + firstOfApril);
        assertThat(changes.get("actions")).hasSize(1);
        assertThat(changes.get("actions").get(0).get("events").asInt()).isEqualTo(1);
        assertThat(changes.get("actions")
                        .get(0)
                        .get("changes")
                        .get(0)
                        .get("before")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(getJson("evaluator", PLAN_PATH + "/report?" + firstOfApril)
                        .get("actions")
                        .get(0)
                        .get("eventsInPeriod")
                        .asInt())
                .isEqualTo(1);
        assertThat(reasons(getJson("auditor", "/api/audit?planId=" + PLAN + "&" + firstOfApril)))
                .containsExactly("+31 done, said Zoë");
        assertThat(exported("/api/integrity/export?actor=" + ACTOR + "&" + firstOfApril))
                .containsExactly(PLAN + "/1:2");

        // An event exactly at 'from' is out, exactly at 'to' in.
        String exact = "from=" + LAST_MOMENT_OF_31_MARCH + "&to=" + FIRST_MOMENT_OF_1_APRIL;
        assertThat(reasons(getJson("auditor", "/api/audit?planId=" + PLAN + "&" + exact)))
                .containsExactly("+31 done, said Zoë");
        assertThat(exported("/api/integrity/export?actor=" + ACTOR + "&" + exact))
                .containsExactly(PLAN + "/1:2");
        assertThat(getJson("evaluator", PLAN_PATH + "/changes?" + exact)
                        .get("actions")
                        .get(0)
                        .get("events")
                        .asInt())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                PLAN_PATH + "/as-of?at=31-03-2025",
                PLAN_PATH + "/as-of?at=2025-03-31T12:00",
                PLAN_PATH + "/actions/1/as-of?at=2025-02-30",
                PLAN_PATH + "/changes?from=yesterday&to=2025-03-31",
                PLAN_PATH + "/report?from=2025-01-01&to=10000-01-01",
                "/api/audit?from=yesterday",
                "/api/audit?to=1899-12-31",
                "/api/integrity/export?from=2025-13-01",
                "/api/audit/export?to=soon",
            })
    void aBadInstantIsOneErrorEverywhere(String path) {
        assertProblem(get("admin", path), 400, "INVALID_INSTANT");
    }

    @Test
    void aPeriodThatDoesNotEndAfterItStartsIsRefusedEverywhere() {
        for (String path :
                List.of(PLAN_PATH + "/changes", PLAN_PATH + "/report", "/api/audit", "/api/integrity/export")) {
            assertProblem(get("admin", path + "?from=2025-03-31&to=2025-03-31"), 400, "INVALID_PERIOD");
        }
    }

    @Test
    void thePlansAreListedWithTheirNumberOfActions() {
        JsonNode plans = getJson("coordinator", "/api/plans");
        JsonNode plan = null;
        for (JsonNode candidate : plans) {
            if (candidate.get("planId").asString().equals(PLAN)) {
                plan = candidate;
            }
        }
        assertThat(plan).as(plans.toString()).isNotNull();
        assertThat(plan.get("actions").asInt()).isEqualTo(2);
        assertThat(Instant.parse(plan.get("lastChangedAt").asString())).isEqualTo(FIRST_MOMENT_OF_1_APRIL);
        assertProblem(get(null, "/api/plans"), 401, "UNAUTHENTICATED");
    }

    @Test
    void oneActionCarriesItsVersionAsETagAndAnswersIfNoneMatchWith304() {
        HttpResponse<String> action = get("evaluator", PLAN_PATH + "/actions/1");
        assertThat(action.headers().firstValue("ETag")).hasValue("\"2\"");

        HttpResponse<String> unchanged = get("evaluator", PLAN_PATH + "/actions/1", Map.of("If-None-Match", "\"2\""));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue("\"2\"");

        HttpResponse<String> stale = get("evaluator", PLAN_PATH + "/actions/1", Map.of("If-None-Match", "\"1\""));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(json(stale.body()).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void theAuditTrailAsCsvIsAnRfc4180AttachmentWithFormulasDisarmed() {
        HttpResponse<String> csv = get("auditor", "/api/audit?planId=" + PLAN + "&format=csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-trail.csv\"");
        assertThat(csv.body()).startsWith("\uFEFFposition,occurred_at,plan_id,action_id,version,type,actor,");
        assertThat(csv.body()).endsWith("\r\n").doesNotContain(",=HYPERLINK").doesNotContain(",+31");
        assertThat(csv.body().split("\r\n"))
                .filteredOn(line -> line.contains("," + ACTOR + ","))
                .hasSize(2);
        // The formula starts with an apostrophe, and the cell is quoted for its commas and quotes.
        assertThat(csv.body())
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Zoë\"\")\",contract-1-1,status,"
                        + "NOT_STARTED,IN_PROGRESS,");
        assertThat(csv.body()).contains(",\"'+31 done, said Zoë\",contract-1-2,status,IN_PROGRESS," + "COMPLETED,");
    }

    @Test
    void thePlanAsOfADateAndTheChangesComeAsCsvFilesNamedForWhatTheyHold() {
        HttpResponse<String> plan = get("evaluator", PLAN_PATH + "/as-of?at=2025-03-31&format=csv");
        assertThat(plan.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"contract-nl-as-of-2025-03-31.csv\"");
        assertThat(plan.body().split("\r\n"))
                .containsExactly(
                        "\uFEFFaction_id,eu_action_number,objective,priority,status,organisation,organisation_name,contact,"
                                + "timeframe,timeframe_type,version,last_changed_at,last_changed_by",
                        "1,1,1,1,IN_PROGRESS,,,,2024 - 2025,RANGE,1," + LAST_MOMENT_OF_31_MARCH + "," + ACTOR,
                        "2,2,1,2,NOT_STARTED,,,,2024 - 2025,RANGE,0," + REGISTERED + ",system");

        HttpResponse<String> changes =
                get("evaluator", PLAN_PATH + "/changes?from=2025-01-10&to=2025-04-01&format=csv");
        assertThat(changes.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"contract-nl-changes-2025-01-10-2025-04-01.csv\"");
        assertThat(changes.body().split("\r\n"))
                .containsExactly(
                        "\uFEFFaction_id,net_change,events,actors,field,before,after",
                        "1,CHANGED,2," + ACTOR + ",status,NOT_STARTED,COMPLETED");
    }

    @Test
    void theReportComesAsCsvByParameterOrAcceptAndAsAWorkbookThatHoldsItsRows() throws Exception {
        String report = PLAN_PATH + "/report?from=2025-01-10&to=2025-03-31";
        HttpResponse<String> csv = get("evaluator", report + "&format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"contract-nl-report-2025-01-10-2025-03-31.csv\"");
        assertThat(csv.headers().firstValue("X-Report-Content-Hash")).isPresent();
        assertThat(csv.body()).startsWith("\uFEFFaction_id,").endsWith("\r\n");
        assertThat(getAccepting("evaluator", report, "text/csv").body()).isEqualTo(csv.body());

        HttpResponse<byte[]> xlsx = getBytes("evaluator", report + "&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"contract-nl-report-2025-01-10-2025-03-31.xlsx\"");
        assertThat(xlsx.headers().firstValue("X-Report-Content-Hash"))
                .isEqualTo(csv.headers().firstValue("X-Report-Content-Hash"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(3);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).startsWith("action_id", "eu_action_number").contains("status_at_to", "events_in_period");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(header.indexOf("action_id")).getStringCellValue())
                    .isEqualTo("1");
            assertThat(first.getCell(header.indexOf("status_at_to")).getStringCellValue())
                    .isEqualTo("IN_PROGRESS");
            assertThat(first.getCell(header.indexOf("events_in_period")).getNumericCellValue())
                    .isEqualTo(1.0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("2");
        }
    }

    @Test
    void aFormatThatIsNotOfferedIsAProblem() {
        assertProblem(
                get("evaluator", PLAN_PATH + "/report?from=2025-01-10&to=2025-03-31&format=pdf"),
                400,
                "UNSUPPORTED_FORMAT");
        assertProblem(
                get("evaluator", PLAN_PATH + "/changes?from=2025-01-10&to=2025-03-31&format=xlsx"),
                400,
                "UNSUPPORTED_FORMAT");
        assertProblem(get("evaluator", PLAN_PATH + "/as-of?at=2025-03-31&format=xml"), 400, "UNSUPPORTED_FORMAT");
        assertProblem(get("auditor", "/api/audit?format=%3Dcmd"), 400, "UNSUPPORTED_FORMAT");
    }

    /** Renamed addresses answer as the new ones for one more release, and say where to go. */
    @Test
    void theOldAddressesStillAnswerAndNameTheirSuccessors() {
        HttpResponse<String> oldTrail = get("auditor", PLAN_PATH + "/actions/1/history?size=2");
        HttpResponse<String> newTrail = get("auditor", PLAN_PATH + "/actions/1/audit?size=2");
        assertThat(oldTrail.statusCode()).isEqualTo(200);
        assertThat(json(oldTrail.body())).isEqualTo(json(newTrail.body()));
        assertThat(oldTrail.headers().firstValue("Deprecation")).isPresent();
        assertThat(oldTrail.headers().allValues("Link"))
                .contains("<" + PLAN_PATH + "/actions/1/audit>; rel=\"successor-version\"")
                .contains("<" + PLAN_PATH + "/actions/1/audit?before=1&size=2>; rel=\"next\"");
        assertThat(newTrail.headers().firstValue("Deprecation")).isEmpty();

        HttpResponse<String> oldVerify = get("auditor", "/api/audit/verify");
        assertThat(oldVerify.statusCode()).isEqualTo(200);
        assertThat(oldVerify.headers().allValues("Link"))
                .containsExactly("</api/integrity/verify>; rel=\"successor-version\"");
        assertThat(get("auditor", "/api/integrity/verify").statusCode()).isEqualTo(200);
        assertProblem(get("evaluator", "/api/integrity/verify"), 403, "FORBIDDEN");
        assertProblem(get("evaluator", PLAN_PATH + "/actions/1/audit"), 403, "FORBIDDEN");
    }

    private static String statusOf(JsonNode actions, String actionId) {
        for (JsonNode action : actions) {
            if (action.get("actionId").asString().equals(actionId)) {
                return action.get("status").asString();
            }
        }
        throw new AssertionError("no action " + actionId + " in " + actions);
    }

    private static List<String> reasons(JsonNode page) {
        List<String> reasons = new ArrayList<>();
        page.get("entries").forEach(entry -> reasons.add(entry.get("reason").asString()));
        return reasons;
    }

    /**
     * The exported events as aggregate:sequence, on one page. Events other tests appended with old time stamps may not be
     * in the audit trail yet, and a period export reaches only up to the earliest of them: wait until it covers the
     * whole period.
     */
    private List<String> exported(String path) {
        List<String> events = new ArrayList<>();
        JsonNode page = awaitJson(
                "auditor",
                path,
                answer -> answer.get("coverage").get("complete").asBoolean());
        page.get("events")
                .forEach(event -> events.add(event.get("aggregateId").asString() + ":"
                        + event.get("sequenceNumber").asLong()));
        assertThat(page.get("next").isNull()).as("one page").isTrue();
        return events;
    }
}
