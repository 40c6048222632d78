package nl.actionledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.tooling.EventRows;
import nl.actionledger.tooling.LedgerLogins;
import nl.actionledger.tooling.OwnedAction;

/**
 * A transaction that commits after the processors' gap timeout: on a connection of its own, as command-service's login,
 * two events are inserted as command-service inserts them (taking the next global indexes), and the transaction is held open
 * longer than the gap timeout while the coordinators' changes commit after it. The processors give its position up;
 * when it commits at last, the audit trail must still get its entry: from the processors, or from the consistency
 * check, which must then report it (log, health) and write it.
 */
final class LateCommit implements Scenario {

    /** How often the query-service instances of this scenario compare the audit trail with the events. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(3);

    private static final Duration ENTRY_LIMIT = Duration.ofSeconds(45);

    /** What the query-service instances of this scenario run with: the gap timeout short, the check frequent. */
    static Map<String, String> queryServiceEnvironment() {
        return Map.of(
                "EVENT_GAP_TIMEOUT", "PT" + SuiteSettings.SHORT_GAP_TIMEOUT.toSeconds() + "S",
                // Axon gives gaps up only once a token holds more than this many (at least 1): the late transaction
                // takes two positions, so that the timeout alone decides.
                "EVENT_GAP_CLEANING_THRESHOLD", "1",
                "AUDIT_CHECK_INTERVAL", "PT" + CHECK_INTERVAL.toSeconds() + "S",
                "AUDIT_CHECK_INITIAL_DELAY", "PT" + CHECK_INTERVAL.toSeconds() + "S");
    }

    private final Cluster cluster;
    private final SuiteSettings settings;
    private final List<List<OwnedAction>> actions;
    private final Http http = new Http(Duration.ofSeconds(15));

    LateCommit(Cluster cluster, SuiteSettings settings, List<List<OwnedAction>> actions) {
        this.cluster = cluster;
        this.settings = settings;
        this.actions = actions;
    }

    @Override
    public String id() {
        return "late-commit";
    }

    @Override
    public String name() {
        return "a commit " + settings.lateCommitHold().toSeconds() + " s late (gap timeout "
                + SuiteSettings.SHORT_GAP_TIMEOUT.toSeconds() + " s)";
    }

    @Override
    public void run(Outcome outcome) throws Exception {
        AdminApi admin = new AdminApi(cluster, http);
        admin.awaitCaughtUp(Duration.ofMinutes(2));
        List<String> eventIds =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        ActionRef late = ActionRef.of("fault-late", "1");
        Coordinators coordinators = new Coordinators(http, cluster.commandServices(), actions);
        long committedAt;
        long eventsCommittedMeanwhile;
        try (Connection connection = cluster.database().connectAs(LedgerLogins.RUNTIME)) {
            connection.setAutoCommit(false);
            coordinators.start();
            Thread.sleep(1_000);
            try (PreparedStatement insert = connection.prepareStatement(EventRows.INSERT)) {
                EventRows rows = new EventRows();
                rows.row(
                                eventIds.get(0),
                                late.toString(),
                                0,
                                DirectHistory.registration(late, 1),
                                DirectHistory.metadata(EventMetadataKeys.SYSTEM_ACTOR),
                                Instant.now())
                        .addTo(insert);
                rows.row(
                                eventIds.get(1),
                                late.toString(),
                                1,
                                new ActionStatusChangedEvent(
                                        late,
                                        ImplementationStatus.NOT_STARTED,
                                        ImplementationStatus.IN_PROGRESS,
                                        "Late commit"),
                                DirectHistory.metadata("fault-late-writer"),
                                Instant.now())
                        .addTo(insert);
                insert.executeBatch();
            }
            long headBefore = head();
            Thread.sleep(settings.lateCommitHold().toMillis());
            eventsCommittedMeanwhile = head() - headBefore;
            connection.commit();
            committedAt = System.nanoTime();
            Thread.sleep(2_000);
        } finally {
            coordinators.stop();
        }
        List<Long> positions = eventIds.stream()
                .map(id -> cluster.database()
                        .queryLong("SELECT global_index FROM event_store.domain_event_entry WHERE event_identifier = '"
                                + id + "'"))
                .toList();

        Double entryAfter = awaitEntries(positions, committedAt);
        List<Long> repairedBy = cluster.queryServices().stream()
                .filter(query -> repairedEntries(admin, query).containsAll(positions))
                .map(ServiceInstance::pid)
                .toList();
        boolean logged = cluster.queryServices().stream().anyMatch(query -> logMentions(query, positions));
        String how = repairedBy.isEmpty()
                ? "written by the processors"
                : "found missing by the consistency check and written by it";
        outcome.check(
                "the late events get their audit entries",
                entryAfter != null,
                "events at positions " + positions + " committed "
                        + settings.lateCommitHold().toSeconds() + " s late, "
                        + "while the event table's head moved on by " + eventsCommittedMeanwhile + " positions; "
                        + (entryAfter == null
                                ? "no entries after " + ENTRY_LIMIT.toSeconds() + " s"
                                : "entries " + String.format("%.1f", entryAfter) + " s after the commit, " + how));
        if (!repairedBy.isEmpty() || logged) {
            outcome.check(
                    "the repair is reported (log, health)",
                    !repairedBy.isEmpty() && logged,
                    "health details list it as repaired on " + repairedBy.size() + " instance(s); error logged: "
                            + logged);
        }
        ProjectionChecksums.AuditTrailCount auditTrail = ProjectionChecksums.auditTrail(cluster.database());
        long lateView = cluster.database()
                .queryLong("SELECT count(*) FROM query_model.action_view WHERE aggregate_id = '" + late + "'");
        outcome.check(
                "the audit trail is complete",
                auditTrail.complete(),
                auditTrail.describe() + "; current view of the late action: "
                        + (lateView == 1 ? "present" : "absent until a replay"));
    }

    /** Seconds from the commit until the events' audit entries exist, or null. */
    private Double awaitEntries(List<Long> positions, long committedAt) throws InterruptedException {
        String list = positions.toString().replace('[', '(').replace(']', ')');
        while (System.nanoTime() - committedAt < ENTRY_LIMIT.toNanos()) {
            if (cluster.database()
                            .queryLong("SELECT count(*) FROM query_model.audit_entry WHERE global_index IN " + list)
                    == positions.size()) {
                return (System.nanoTime() - committedAt) / 1e9;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static List<Long> repairedEntries(AdminApi admin, ServiceInstance query) {
        JsonNode repaired = admin.auditTrailHealth(query).path("details").path("repairedEntries");
        return repaired.isArray()
                ? StreamSupport.stream(repaired.spliterator(), false)
                        .map(JsonNode::asLong)
                        .toList()
                : List.of();
    }

    private static boolean logMentions(ServiceInstance query, List<Long> positions) {
        try (var lines = Files.lines(query.log())) {
            return lines.anyMatch(line -> line.contains("passed over the events at positions")
                    && positions.stream().allMatch(position -> line.contains(position.toString())));
        } catch (IOException e) {
            return false;
        }
    }

    private long head() {
        return cluster.database()
                .queryLong("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry");
    }
}
