package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.actionledger.tooling.OwnedAction;
import nl.actionledger.tooling.TokenIssuer;

/**
 * The real plan's actions, handed out for the write tests through the API as an admin would: one to the lag probe,
 * one to the contenders, the rest spread over the writers, each writer a coordinator of its own organisation. Action
 * Ledger assigns only organisations of its list, so an admin lists the benchmark's organisations first
 * ({@code PUT /api/admin/organisations/{id}}); the CRUD baseline takes any organisation as text.
 */
record PlanActions(OwnedAction probe, OwnedAction contended, List<List<OwnedAction>> writerActions) {

    private static final OwnedAction.Wording WORDING = new OwnedAction.Wording("Benchmark change", "Bench contact");

    /** Through Action Ledger: the benchmark's organisations are listed first. */
    static PlanActions assign(LedgerClient client, TokenIssuer issuer, String adminToken, int writers) {
        return assign(client, issuer, adminToken, writers, true);
    }

    /** Through the CRUD baseline, which has no list of organisations. */
    static PlanActions assignInBaseline(LedgerClient client, TokenIssuer issuer, String adminToken, int writers) {
        return assign(client, issuer, adminToken, writers, false);
    }

    private static PlanActions assign(
            LedgerClient client, TokenIssuer issuer, String adminToken, int writers, boolean listOrganisations) {
        JsonNode actions = client.query(adminToken, "/api/plans/" + OwnedAction.PLAN + "/actions")
                .requireOk("The plan's actions")
                .json();
        if (actions.size() < writers + 2) {
            throw new IllegalStateException("The plan has " + actions.size() + " actions; " + writers
                    + " writers need at least " + (writers + 2));
        }
        OwnedAction probe = assign(client, issuer, adminToken, actions.get(0), "Bench probe", listOrganisations);
        OwnedAction contended =
                assign(client, issuer, adminToken, actions.get(1), "Bench contention", listOrganisations);
        List<List<OwnedAction>> perWriter = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            perWriter.add(new ArrayList<>());
        }
        for (int i = 2; i < actions.size(); i++) {
            int writer = (i - 2) % writers;
            perWriter
                    .get(writer)
                    .add(assign(
                            client,
                            issuer,
                            adminToken,
                            actions.get(i),
                            "Bench writer " + (writer + 1),
                            listOrganisations));
        }
        return new PlanActions(probe, contended, perWriter);
    }

    private static OwnedAction assign(
            LedgerClient client,
            TokenIssuer issuer,
            String adminToken,
            JsonNode action,
            String name,
            boolean listOrganisations) {
        String organisation = name.toLowerCase(Locale.ROOT).replace(' ', '-');
        if (listOrganisations) {
            LedgerClient.Response listed = client.put(
                    adminToken,
                    "/api/admin/organisations/" + organisation,
                    "{\"displayName\":\"" + name + "\",\"aliases\":[],\"reason\":\"Benchmark set-up\"}");
            if (listed.status() != 201 && listed.status() != 422) {
                listed.requireStatus(201, "Listing organisation " + organisation);
            }
        }
        String actionId = action.get("actionId").asText();
        client.change(
                        adminToken,
                        OwnedAction.PLAN,
                        actionId,
                        "assignment",
                        "{\"organisation\":\"" + organisation + "\",\"contact\":\"" + WORDING.firstContact()
                                + "\",\"reason\":\"Benchmark set-up\"}",
                        null)
                .requireOk("Assigning action " + actionId);
        String coordinator = "bench-" + organisation;
        return new OwnedAction(
                actionId,
                organisation,
                issuer.coordinator(coordinator, organisation),
                "IN_PROGRESS".equals(action.get("status").asText()),
                WORDING);
    }
}
