package nl.actionledger.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/** The questions evaluators and auditors ask of a large history, each asked many times in a row. */
final class Reads {

    private Reads() {}

    static Map<String, String> questions(HistoryGenerator.GeneratedHistory history) {
        Map<String, String> questions = new LinkedHashMap<>();
        String plan = "/api/plans/" + history.readPlan();
        questions.put("currentList", plan + "/actions");
        // The web app's overview asks the same two questions, of the same controller methods: the plans, and one plan's
        // current list.
        questions.put("planList", "/api/plans");
        String busyHistory = "/api/plans/" + history.busiestAction().planId() + "/actions/"
                + history.busiestAction().actionId() + "/audit";
        // A page of 100 entries, newest first; the late page is the oldest one, as far into the history as paging goes.
        questions.put("busyActionHistory", busyHistory);
        questions.put(
                "busyActionHistoryLatePage", busyHistory + "?before=" + Math.min(100, history.busiestActionEvents()));
        questions.put(
                "auditByActorForAMonth",
                "/api/audit?actor=" + history.busiestActor() + "&from=2024-03-01T00:00:00Z&to=2024-04-01T00:00:00Z");
        questions.put("planAsOf", plan + "/as-of?at=2024-06-30");
        questions.put("monitoringReport", plan + "/report?from=2024-01-01&to=2024-12-31");
        // The web app's chart of the plan through time: monthly, over the years the history spans.
        questions.put("statusOverTime", plan + "/status-over-time?from=2021-01-01&to=2026-06-30&granularity=month");
        return questions;
    }

    static Map<String, Latencies.Summary> measure(
            LedgerClient client, String token, Map<String, String> questions, int samples) {
        Map<String, Latencies.Summary> results = new LinkedHashMap<>();
        questions.forEach((name, path) -> {
            for (int i = 0; i < Math.min(20, samples); i++) {
                client.query(token, path).requireOk(name);
            }
            Latencies latencies = new Latencies();
            for (int i = 0; i < samples; i++) {
                latencies.add(client.query(token, path).requireOk(name).nanos());
            }
            results.put(name, latencies.summary());
        });
        return results;
    }
}
