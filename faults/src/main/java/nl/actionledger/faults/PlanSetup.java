package nl.actionledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands the real plan's actions out to the coordinators through the API, as an admin would: each coordinator works
 * for an organisation of its own and gets every n-th action.
 */
final class PlanSetup {

    private PlanSetup() {
    }

    static List<List<CoordinatorAction>> assign(Cluster cluster, Http http, int coordinators) {
        String admin = cluster.issuer().admin("fault-admin");
        String commandUrl = cluster.commandServices().get(0).baseUrl();
        JsonNode actions = http.get(cluster.queryServices().get(0).baseUrl() + "/api/plans/" + CoordinatorAction.PLAN
                + "/actions", admin).require(200, "The plan's actions").json();
        List<List<CoordinatorAction>> perCoordinator = new ArrayList<>();
        for (int c = 0; c < coordinators; c++) {
            perCoordinator.add(new ArrayList<>());
        }
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            int coordinator = i % coordinators;
            String organisation = "Fault organisation " + (coordinator + 1);
            String actionId = action.get("actionId").asText();
            http.post(commandUrl + "/api/plans/" + CoordinatorAction.PLAN + "/actions/" + actionId + "/assignment", admin,
                    "{\"organisation\":\"" + organisation + "\",\"contact\":\"Fault contact A\","
                            + "\"reason\":\"Fault suite set-up\"}", Map.of()).require(200, "Assigning action " + actionId);
            perCoordinator.get(coordinator).add(new CoordinatorAction(actionId, organisation,
                    cluster.issuer().coordinator("fault-coordinator-" + (coordinator + 1), organisation),
                    "IN_PROGRESS".equals(action.get("status").asText())));
        }
        return perCoordinator;
    }
}
