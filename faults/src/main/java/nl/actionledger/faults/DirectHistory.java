package nl.actionledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Objective;
import nl.actionledger.events.Priority;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.tooling.EventRows;

/**
 * Valid events written straight into the event table in one transaction: a backlog that query-service sees all at
 * once when it commits, much larger and faster than one written through HTTP. A plan of its own, its actions registered by the
 * system and then switched between IN_PROGRESS and ON_HOLD; the database's triggers chain and check every row as
 * they do for command-service.
 */
final class DirectHistory {

    static final int ACTIONS = 50;
    private static final int BATCH = 1_000;

    private final EventRows rows = new EventRows();
    private final String planId;

    DirectHistory(String planId) {
        this.planId = planId;
    }

    /** Appends {@code events} events (the first {@value #ACTIONS} register the plan's actions). */
    void append(FaultDatabase database, int events) throws SQLException {
        long[] versions = new long[ACTIONS];
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement(EventRows.INSERT)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < events; i++) {
                int action = i % ACTIONS;
                ActionRef ref = ActionRef.of(planId, Integer.toString(action + 1));
                if (i < ACTIONS) {
                    rows.row(
                                    uuid(),
                                    ref.toString(),
                                    0,
                                    registration(ref, action + 1),
                                    metadata(EventMetadataKeys.SYSTEM_ACTOR),
                                    Instant.now())
                            .addTo(insert);
                } else {
                    long version = ++versions[action];
                    boolean toInProgress = version % 2 == 1;
                    rows.row(
                                    uuid(),
                                    ref.toString(),
                                    version,
                                    new ActionStatusChangedEvent(
                                            ref,
                                            toInProgress
                                                    ? (version == 1
                                                            ? ImplementationStatus.NOT_STARTED
                                                            : ImplementationStatus.ON_HOLD)
                                                    : ImplementationStatus.IN_PROGRESS,
                                            toInProgress
                                                    ? ImplementationStatus.IN_PROGRESS
                                                    : ImplementationStatus.ON_HOLD,
                                            "Fault suite history " + version),
                                    metadata("fault-history"),
                                    Instant.now())
                            .addTo(insert);
                }
                if ((i + 1) % BATCH == 0 || i + 1 == events) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
    }

    static ActionRegisteredEvent registration(ActionRef ref, int number) {
        return new ActionRegisteredEvent(
                ref,
                number,
                "Action " + number + " of the fault suite's plan",
                new Objective(1, "Objective 1", false),
                new Priority(1, "Priority 1"),
                new Commitment(new TreeSet<>(List.of(CommitmentLevel.NATIONAL)), null),
                new Timeframe(TimeframeType.RANGE, "2025 - 2026", 2025, 2026),
                ImplementationStatus.NOT_STARTED,
                "fault-suite.tsv",
                List.of());
    }

    /** What the command pipeline puts in an event's metadata (see command-service's AxonCommandConfiguration). */
    static Map<String, String> metadata(String actor) {
        String commandId = uuid();
        Map<String, String> metadata = new HashMap<>(Map.of(
                EventMetadataKeys.ACTOR,
                actor,
                EventMetadataKeys.CORRELATION_ID,
                "history-" + uuid(),
                "commandId",
                commandId,
                "traceId",
                commandId));
        if (!EventMetadataKeys.SYSTEM_ACTOR.equals(actor)) {
            // a user's change carries the display name; the plan's registration by the system does not
            metadata.put(EventMetadataKeys.ACTOR_NAME, actor);
        }
        return metadata;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
