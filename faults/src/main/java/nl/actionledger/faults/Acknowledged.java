package nl.actionledger.faults;

import nl.actionledger.tooling.OwnedAction;

/**
 * A change that got a 200: what the client was told is stored. The suite's promise is about exactly these.
 *
 * @param correlationId the request's id, sent as {@code X-Correlation-Id} and stored with the event
 * @param instance      the command-service instance that answered
 * @param replayed      whether the answer was the first answer repeated for a retry ({@code Idempotent-Replayed})
 */
record Acknowledged(
        String actionId, long version, String correlationId, String instance, boolean replayed, long atNanos) {

    String aggregateId() {
        return OwnedAction.PLAN + "/" + actionId;
    }

    String logLine() {
        return String.join("\t", actionId, Long.toString(version), correlationId, instance, Boolean.toString(replayed));
    }
}
