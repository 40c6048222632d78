package nl.actionledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.actionledger.tooling.OwnedAction;

/**
 * Hands the real plan's actions out to the coordinators through the API, as an admin would: each coordinator works
 * for an organisation of its own and gets every n-th action.
 */
final class PlanSetup {

    private static final OwnedAction.Wording WORDING = new OwnedAction.Wording("Fault suite change", "Fault contact");

    private PlanSetup() {}

    static List<List<OwnedAction>> assign(Cluster cluster, Http http, int coordinators) {
        String admin = cluster.issuer().admin("fault-admin");
        String commandUrl = cluster.commandServices().get(0).baseUrl();
        JsonNode actions = http.get(
                        cluster.queryServices().get(0).baseUrl() + "/api/plans/" + OwnedAction.PLAN + "/actions", admin)
                .require(200, "The plan's actions")
                .json();
        List<List<OwnedAction>> perCoordinator = new ArrayList<>();
        for (int c = 0; c < coordinators; c++) {
            perCoordinator.add(new ArrayList<>());
        }
        for (int c = 1; c <= coordinators; c++) {
            listOrganisation(http, commandUrl, admin, organisation(c));
        }
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            int coordinator = i % coordinators;
            String organisation = organisation(coordinator + 1);
            String actionId = action.get("actionId").asText();
            http.post(
                            commandUrl + "/api/plans/" + OwnedAction.PLAN + "/actions/" + actionId + "/assignment",
                            admin,
                            "{\"organisation\":\"" + organisation + "\",\"contact\":\"" + WORDING.firstContact() + "\","
                                    + "\"reason\":\"Fault suite set-up\"}",
                            Map.of())
                    .require(200, "Assigning action " + actionId);
            perCoordinator
                    .get(coordinator)
                    .add(new OwnedAction(
                            actionId,
                            organisation,
                            cluster.issuer().coordinator("fault-coordinator-" + (coordinator + 1), organisation),
                            "IN_PROGRESS".equals(action.get("status").asText()),
                            WORDING));
        }
        return perCoordinator;
    }

    /** An id as organisations are named where they are a list (a lower-case slug), and a plain name where they are not. */
    private static String organisation(int number) {
        return "fault-org-" + number;
    }

    /**
     * Puts the organisation on the admins' list, in versions of command-service that keep one (an assignment must then
     * name a listed organisation); a version without the list refuses the address (403 or 404) and takes any name. Were
     * the list there and the organisation not put on it, the assignments after would fail loudly.
     */
    private static void listOrganisation(Http http, String commandUrl, String admin, String id) {
        Http.Answer answer = http.put(
                commandUrl + "/api/admin/organisations/" + id,
                admin,
                "{\"displayName\":\"Fault suite organisation " + id.substring(id.lastIndexOf('-') + 1)
                        + "\",\"aliases\":[],\"reason\":\"Fault suite set-up\"}");
        if (answer.status() >= 500 || answer.status() < 200 || answer.status() == 400 || answer.status() == 401) {
            throw new IllegalStateException(
                    "Listing organisation " + id + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
