package nl.actionledger.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "eu-wap-nl") String planId,

        @Schema(description = "Exclusive: the period begins after it", example = "2026-03-31T21:59:59.999999999Z")
        Instant from,

        @Schema(description = "Inclusive", example = "2026-06-30T21:59:59.999999999Z")
        Instant to,

        @Schema(example = "1287") long position,
        StatusCounts statusAtFrom,
        StatusCounts statusAtTo,
        List<StatusTransition> statusTransitions,
        List<TimeframeRevision> timeframeRevisions,
        List<SlippedAction> slipped,

        @Schema(description = "The actions without any event in the period", example = "[\"1\", \"57\"]")
        List<String> notUpdated,

        List<ActionRow> actions,

        @Schema(
                description = "SHA-256 of the report without it, hexadecimal",
                example = "9f2c4e0b7a51d3c8e6f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8")
        String contentHash) {

    MonitoringReport withContentHash(String hash) {
        return new MonitoringReport(
                planId,
                from,
                to,
                position,
                statusAtFrom,
                statusAtTo,
                statusTransitions,
                timeframeRevisions,
                slipped,
                notUpdated,
                actions,
                hash);
    }

    /** How many actions had each status, overall and per priority, objective and organisation. */
    record StatusCounts(
            int actions,
            Map<ImplementationStatus, Integer> overall,
            Map<Integer, Map<ImplementationStatus, Integer>> byPriority,
            Map<Integer, Map<ImplementationStatus, Integer>> byObjective,
            Map<String, Map<ImplementationStatus, Integer>> byOrganisation) {}

    record StatusTransition(
            @Schema(example = "28") String actionId,
            @Schema(example = "2026-05-12T08:41:07.203Z") Instant at,
            @Schema(example = "CONTINUOUS") ImplementationStatus from,
            @Schema(example = "IN_PROGRESS") ImplementationStatus to,
            boolean reopened,
            @Schema(example = "coordinator") String actor,

            @Schema(example = "Kick-off held with the NVWA and the Douane.")
            String reason) {}

    record TimeframeRevision(
            @Schema(example = "10") String actionId,
            @Schema(example = "2026-04-02T13:15:00Z") Instant at,
            @Schema(example = "2024 - 2025") String from,
            @Schema(example = "Vanaf 2026") String to,
            @Schema(example = "The study is delayed.") String reason,
            @Schema(example = "coordinator") String actor) {}

    /** An action whose timeframe ended before {@code to} while it was neither COMPLETED nor CONTINUOUS. */
    record SlippedAction(String actionId, String timeframe, int endYear, ImplementationStatus status) {}

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
            String lastChangedBy) {}
}
