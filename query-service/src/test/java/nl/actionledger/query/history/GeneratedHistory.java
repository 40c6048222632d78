package nl.actionledger.query.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.TestEvents;

/**
 * A random but reproducible history of a plan, and the state of each action folded from its raw events: the
 * reference the temporal projection is checked against.
 */
final class GeneratedHistory {

    private static final List<String> ORGANISATIONS = List.of("lvvn", "rvo", "nvwa", "douane", "politie", "om");
    private static final List<Timeframe> TIMEFRAMES = List.of(
            new Timeframe(TimeframeType.CONTINUOUS, "Doorlopend", null, null),
            new Timeframe(TimeframeType.RANGE, "2024 - 2025", 2024, 2025),
            new Timeframe(TimeframeType.RANGE, "2025-2026", 2025, 2026),
            new Timeframe(TimeframeType.FROM, "Vanaf 2026", 2026, null),
            new Timeframe(TimeframeType.TBD, "n.t.b.", null, null),
            new Timeframe(TimeframeType.WHEN_RELEVANT, "Indien relevant", null, null));
    private static final List<String> ACTORS = List.of("gen-ana", "gen-ben", "gen-cas", "gen-dirk");

    /** One generated event and the state its action was in after it. */
    record Step(
            ActionRef action,
            long sequenceNumber,
            Object payload,
            String actor,
            Instant at,
            ImplementationStatus status,
            String organisation,
            String contact,
            Timeframe timeframe) {}

    private final List<Step> steps = new ArrayList<>();

    GeneratedHistory(String planId, int actions, int changesPerAction, Instant start, long seed) {
        Random random = new Random(seed);
        for (int a = 1; a <= actions; a++) {
            ActionRef action = ActionRef.of(planId, Integer.toString(a));
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            ImplementationStatus status =
                    ImplementationStatus.values()[random.nextInt(ImplementationStatus.values().length)];
            Timeframe timeframe = TIMEFRAMES.get(random.nextInt(TIMEFRAMES.size()));
            String organisation = null;
            String contact = null;
            steps.add(new Step(
                    action,
                    0,
                    TestEvents.registered(
                            action,
                            1 + random.nextInt(17),
                            1 + random.nextInt(4),
                            status,
                            timeframe,
                            CommitmentLevel.NATIONAL),
                    "system",
                    at,
                    status,
                    null,
                    null,
                    timeframe));
            for (int seq = 1; seq <= changesPerAction; seq++) {
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 20)));
                String actor = ACTORS.get(random.nextInt(ACTORS.size()));
                Object payload;
                switch (random.nextInt(3)) {
                    case 0 -> {
                        ImplementationStatus next = other(random, status);
                        payload = status.isClosed() && !next.isClosed()
                                ? new ActionReopenedEvent(action, status, next, "reason " + seq)
                                : new ActionStatusChangedEvent(action, status, next, "reason " + seq);
                        status = next;
                    }
                    case 1 -> {
                        Assignment previous = organisation == null ? null : new Assignment(organisation, null, contact);
                        organisation = ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
                        contact = "contact " + random.nextInt(1000);
                        payload = new ActionReassignedEvent(
                                action, previous, new Assignment(organisation, null, contact), "r" + seq);
                    }
                    default -> {
                        Timeframe next = TIMEFRAMES.get(random.nextInt(TIMEFRAMES.size()));
                        while (next.meansSameAs(timeframe)) {
                            next = TIMEFRAMES.get(random.nextInt(TIMEFRAMES.size()));
                        }
                        payload = new ActionTimeframeRevisedEvent(action, timeframe, next, "r" + seq);
                        timeframe = next;
                    }
                }
                steps.add(new Step(action, seq, payload, actor, at, status, organisation, contact, timeframe));
            }
        }
        steps.sort(Comparator.comparing(Step::at));
    }

    private static ImplementationStatus other(Random random, ImplementationStatus current) {
        ImplementationStatus next = current;
        while (next == current) {
            next = ImplementationStatus.values()[random.nextInt(ImplementationStatus.values().length)];
        }
        return next;
    }

    /** Every event, in the order of their time. */
    List<Step> steps() {
        return steps;
    }

    Instant first() {
        return steps.get(0).at();
    }

    Instant last() {
        return steps.get(steps.size() - 1).at();
    }

    /** The state of every action that existed at the instant: the last step of each at or before it. */
    Map<String, Step> foldedAt(Instant instant) {
        Map<String, Step> state = new TreeMap<>();
        for (Step step : steps) {
            if (!step.at().isAfter(instant)) {
                state.put(step.action().actionId(), step);
            }
        }
        return state;
    }
}
