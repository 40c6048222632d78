package nl.actionledger.query.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ImplementationStatus;

/**
 * The monitoring report of a plan for a period. Everything in it follows from the events up to {@code to}, so
 * the same period gives the same report, byte for byte, however much happens later; {@code contentHash} is the
 * SHA-256 of the report without it.
 *
 * @param position the global index of the plan's last event up to {@code to}
 */
record MonitoringReport(
        String planId,
        Instant from,
        Instant to,
        long position,
        StatusCounts statusAtFrom,
        StatusCounts statusAtTo,
        List<StatusTransition> statusTransitions,
        List<TimeframeRevision> timeframeRevisions,
        List<SlippedAction> slipped,
        List<String> notUpdated,
        List<ActionRow> actions,
        String contentHash) {

    MonitoringReport withContentHash(String hash) {
        return new MonitoringReport(planId, from, to, position, statusAtFrom, statusAtTo, statusTransitions,
                timeframeRevisions, slipped, notUpdated, actions, hash);
    }

    /** How many actions had each status, overall and per priority, objective and organisation. */
    record StatusCounts(
            int actions,
            Map<ImplementationStatus, Integer> overall,
            Map<Integer, Map<ImplementationStatus, Integer>> byPriority,
            Map<Integer, Map<ImplementationStatus, Integer>> byObjective,
            Map<String, Map<ImplementationStatus, Integer>> byOrganisation) {
    }

    record StatusTransition(String actionId, Instant at, ImplementationStatus from, ImplementationStatus to,
                            boolean reopened, String actor, String reason) {
    }

    record TimeframeRevision(String actionId, Instant at, String from, String to, String reason, String actor) {
    }

    /** An action whose timeframe ended before {@code to} while it was neither COMPLETED nor CONTINUOUS. */
    record SlippedAction(String actionId, String timeframe, int endYear, ImplementationStatus status) {
    }

    /** One action in the report: a row of the CSV. */
    record ActionRow(
            String actionId,
            Integer euActionNumber,
            int objective,
            int priority,
            String organisation,
            ImplementationStatus statusAtFrom,
            ImplementationStatus statusAtTo,
            String timeframe,
            String timeframeType,
            Integer timeframeEndYear,
            boolean slipped,
            int eventsInPeriod,
            Instant lastChangedAt,
            String lastChangedBy) {
    }
}
