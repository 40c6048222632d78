package nl.actionledger.query.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.history.MonitoringReport.ActionRow;
import nl.actionledger.query.history.MonitoringReport.SlippedAction;
import nl.actionledger.query.history.MonitoringReport.StatusCounts;
import nl.actionledger.query.history.MonitoringReport.StatusTransition;
import nl.actionledger.query.history.MonitoringReport.TimeframeRevision;
import nl.actionledger.query.time.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Computes monitoring reports from the temporal projection, and writes them in their one canonical JSON form. */
@Service
class MonitoringReports {

    static final String UNASSIGNED = "(unassigned)";
    /** Sorted keys and properties, so that equal reports are equal bytes. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final ActionTimeline timeline;
    private final PlanHistory history;

    MonitoringReports(ActionTimeline timeline, PlanHistory history) {
        this.timeline = timeline;
        this.history = history;
    }

    @Transactional(readOnly = true)
    MonitoringReport report(String planId, Period period) {
        history.requireExisted(planId, period.to());
        Map<String, ActionBaseline> baselines = timeline.baselines(planId).stream()
                .collect(Collectors.toMap(ActionBaseline::actionId, Function.identity()));
        Map<String, ActionState> atFrom = byAction(timeline.statesAt(planId, period.from()));
        Map<String, ActionState> atTo = byAction(timeline.statesAt(planId, period.to()));
        Map<String, List<ActionState>> begun = timeline.statesBegunBetween(planId, period.from(), period.to()).stream()
                .collect(Collectors.groupingBy(ActionState::actionId));

        List<StatusTransition> transitions = new ArrayList<>();
        List<TimeframeRevision> revisions = new ArrayList<>();
        begun.forEach((actionId, states) -> {
            ActionState previous = atFrom.get(actionId);
            for (ActionState state : states) {
                if (previous != null && previous.status() != state.status()) {
                    transitions.add(new StatusTransition(
                            actionId,
                            state.validFrom(),
                            previous.status(),
                            state.status(),
                            "ActionReopened".equals(state.eventType()),
                            state.actor(),
                            state.reason()));
                }
                if (previous != null && !previous.timeframe().meansSameAs(state.timeframe())) {
                    revisions.add(new TimeframeRevision(
                            actionId,
                            state.validFrom(),
                            previous.timeframe().raw(),
                            state.timeframe().raw(),
                            state.reason(),
                            state.actor()));
                }
                previous = state;
            }
        });
        transitions.sort((a, b) -> a.at().equals(b.at())
                ? PlanOrder.ACTION_IDS.compare(a.actionId(), b.actionId())
                : a.at().compareTo(b.at()));
        revisions.sort((a, b) -> a.at().equals(b.at())
                ? PlanOrder.ACTION_IDS.compare(a.actionId(), b.actionId())
                : a.at().compareTo(b.at()));

        List<ActionRow> rows = atTo.values().stream()
                .map(state -> row(
                        baselines.get(state.actionId()),
                        atFrom.get(state.actionId()),
                        state,
                        begun.getOrDefault(state.actionId(), List.of()).size(),
                        period.to()))
                .sorted((a, b) -> PlanOrder.ACTION_IDS.compare(a.actionId(), b.actionId()))
                .toList();
        List<SlippedAction> slipped = rows.stream()
                .filter(ActionRow::slipped)
                .map(row ->
                        new SlippedAction(row.actionId(), row.timeframe(), row.timeframeEndYear(), row.statusAtTo()))
                .toList();
        List<String> notUpdated = rows.stream()
                .filter(row -> row.eventsInPeriod() == 0)
                .map(ActionRow::actionId)
                .toList();

        MonitoringReport report = new MonitoringReport(
                planId,
                period.from(),
                period.to(),
                timeline.positionAt(planId, period.to()),
                counts(atFrom.values(), baselines),
                counts(atTo.values(), baselines),
                transitions,
                revisions,
                slipped,
                notUpdated,
                rows,
                null);
        return report.withContentHash(sha256(canonicalJson(report)));
    }

    /** The report's one JSON form: what is hashed (without the hash) and what is served (with it). */
    static byte[] canonicalJson(MonitoringReport report) {
        return CANONICAL.writeValueAsBytes(report);
    }

    private static ActionRow row(
            ActionBaseline baseline, ActionState atFrom, ActionState atTo, int events, Instant to) {
        Integer endYear = atTo.timeframe().type() == TimeframeType.RANGE
                ? atTo.timeframe().toYear()
                : null;
        return new ActionRow(
                atTo.actionId(),
                baseline.euActionNumber(),
                baseline.objective().number(),
                baseline.priority().number(),
                atTo.organisation(),
                atFrom == null ? null : atFrom.status(),
                atTo.status(),
                atTo.timeframe().raw(),
                atTo.timeframe().type().name(),
                endYear,
                Slipping.slipped(endYear, atTo.status(), to),
                events,
                atTo.validFrom(),
                atTo.actor());
    }

    private static StatusCounts counts(Collection<ActionState> states, Map<String, ActionBaseline> baselines) {
        Map<ImplementationStatus, Integer> overall = zeroCounts();
        Map<Integer, Map<ImplementationStatus, Integer>> byPriority = new TreeMap<>();
        Map<Integer, Map<ImplementationStatus, Integer>> byObjective = new TreeMap<>();
        Map<String, Map<ImplementationStatus, Integer>> byOrganisation = new TreeMap<>();
        for (ActionState state : states) {
            ActionBaseline baseline = baselines.get(state.actionId());
            overall.merge(state.status(), 1, Integer::sum);
            byPriority
                    .computeIfAbsent(baseline.priority().number(), key -> zeroCounts())
                    .merge(state.status(), 1, Integer::sum);
            byObjective
                    .computeIfAbsent(baseline.objective().number(), key -> zeroCounts())
                    .merge(state.status(), 1, Integer::sum);
            byOrganisation
                    .computeIfAbsent(
                            state.organisation() == null ? UNASSIGNED : state.organisation(), key -> zeroCounts())
                    .merge(state.status(), 1, Integer::sum);
        }
        return new StatusCounts(states.size(), overall, byPriority, byObjective, byOrganisation);
    }

    private static Map<ImplementationStatus, Integer> zeroCounts() {
        Map<ImplementationStatus, Integer> counts = new EnumMap<>(ImplementationStatus.class);
        for (ImplementationStatus status : ImplementationStatus.values()) {
            counts.put(status, 0);
        }
        return counts;
    }

    private static Map<String, ActionState> byAction(List<ActionState> states) {
        return states.stream().collect(Collectors.toMap(ActionState::actionId, Function.identity()));
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
