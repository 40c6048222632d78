package nl.actionledger.query.integrity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import nl.actionledger.query.StoredTokens;
import nl.actionledger.query.integrity.AuditExport.Order;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.refusals.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads events straight from the event table, hashes included, for {@code /api/integrity/export}, a page at a time after a
 * position (a keyset, never an offset), so a page late in the history costs what an early one does.
 * <p>
 * Which events belong on a page is decided over indexed columns only. Without filters that is the event table's
 * primary key. With a period or an actor it is the audit trail ({@code query_model.audit_entry}), which holds each
 * event's time, actor and global index, indexed: filtering the event table itself would cast {@code time_stamp} and
 * parse the metadata of every row it passes. The events themselves, and so everything the hashes cover, still come
 * from the event table, joined by global index.
 * <p>
 * With a period, pages follow the index on (occurred_at, global_index): in the order events were recorded, continuing
 * after the last event of the previous page. In global-index order a period late in the history could only be found by
 * passing every earlier event, or by sorting the whole period for every page. The two orders differ only for events
 * appended within moments of each other (a global index is handed out when the event is inserted, its time is taken
 * when the command is handled).
 * <p>
 * A page never reaches past what the projections have covered ({@link StoredTokens#coveredPosition()}): a transaction
 * that took a position below it has committed, one above it may still be in flight. Without this cap, a client paging
 * on would pass over an event that commits late below the position it continues after, and never see it. With a
 * period, pages follow time, so the cap is a time: the earliest time stamp among the events above the covered position,
 * and {@code settleTime} before now, the longest a command's event can take from being stamped to being committed.
 */
@Service
class AuditExporter {

    private static final String EVENTS = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp,
                   e.payload_type, e.payload, e.event_hash, e.inserted_at, e.inserted_by,
                   coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actor', '') AS actor,
                   e.time_stamp::timestamptz AS recorded_at,
                   (SELECT p.event_hash FROM event_store.domain_event_entry p
                     WHERE p.aggregate_identifier = e.aggregate_identifier
                       AND p.sequence_number = e.sequence_number - 1) AS previous_hash
            FROM (%s) page
            JOIN event_store.domain_event_entry e ON e.global_index = page.global_index
            ORDER BY %s""";
    private static final String ALL = """
            SELECT global_index FROM event_store.domain_event_entry
            WHERE global_index > :after AND global_index <= :covered ORDER BY global_index LIMIT :limit""";
    private static final String BY_ACTOR = """
            SELECT global_index FROM query_model.audit_entry
            WHERE actor = :actor AND global_index > :after AND global_index <= :covered
            ORDER BY global_index LIMIT :limit""";
    private static final String IN_PERIOD = """
            SELECT global_index, occurred_at FROM query_model.audit_entry
            WHERE (occurred_at, global_index) > (CAST(:since AS timestamptz), :after) AND occurred_at < CAST(:to AS timestamptz)
            %s
            ORDER BY occurred_at, global_index LIMIT :limit""";

    /** Events not yet covered whose time stamps a page over a period looks at; beyond, it waits for the projections. */
    private static final int MAX_UNCOVERED = 10_000;

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;
    private final AuditTrailReplays replays;
    private final StoredTokens tokens;
    private final Duration settleTime;

    AuditExporter(
            JdbcClient jdbc,
            Checkpoints checkpoints,
            AuditTrailReplays replays,
            StoredTokens tokens,
            @Value("${actionledger.audit-export.settle-time}") Duration settleTime) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.replays = replays;
        this.tokens = tokens;
        this.settleTime = settleTime;
    }

    /**
     * @param after the position of the last event of the previous page (0 for the first page)
     * @param from  inclusive; {@code to} exclusive; any of the filters may be absent
     * @return the page and, when there are more events, the position to continue after
     * @throws ConflictException with a filter, while the audit trail that finds the events is being rebuilt
     */
    @Transactional(readOnly = true)
    Page export(long after, Instant from, Instant to, String actor, int size) {
        boolean period = from != null || to != null;
        if ((period || actor != null) && replays.running()) {
            throw new ConflictException(
                    "AUDIT_TRAIL_REPLAYING",
                    "The audit trail, through which a period or an actor "
                            + "is found, is being rebuilt and does not list every event yet. Export without 'from', 'to' and "
                            + "'actor', or again once /api/admin/projections/audit-trail no longer says replaying.");
        }
        long covered = tokens.coveredPosition();
        Instant recordedBefore = period ? recordedBefore(covered) : null;
        JdbcClient.StatementSpec query;
        if (period) {
            // The lower bound is one row comparison: next to a separate occurred_at >= :from, PostgreSQL would start
            // the
            // index scan at the weaker of the two bounds.
            Instant since = from;
            long sinceAfter = 0;
            if (after > 0) {
                Instant recorded = recordedAt(after);
                if (from == null || !recorded.isBefore(from)) {
                    since = recorded;
                    sinceAfter = after;
                }
            }
            query = jdbc.sql(EVENTS.formatted(
                            IN_PERIOD.formatted(actor == null ? "" : "AND actor = :actor"),
                            "page.occurred_at, page.global_index"))
                    .param("since", since == null ? "-infinity" : since.toString())
                    .param("after", sinceAfter)
                    .param("to", (to == null || to.isAfter(recordedBefore) ? recordedBefore : to).toString());
        } else {
            query = jdbc.sql(EVENTS.formatted(actor == null ? ALL : BY_ACTOR, "page.global_index"))
                    .param("after", after)
                    .param("covered", covered);
        }
        if (actor != null) {
            query = query.param("actor", actor);
        }
        // One more than asked, to know whether there is a next page.
        List<AuditExport.Event> events = query.param("limit", size + 1)
                .query((rs, row) -> new AuditExport.Event(
                        rs.getLong("global_index"),
                        rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"),
                        rs.getString("type"),
                        rs.getString("time_stamp"),
                        rs.getString("payload_type"),
                        rs.getString("actor"),
                        insertedAt(rs.getTimestamp("inserted_at")),
                        rs.getString("inserted_by"),
                        Base64.getEncoder().encodeToString(rs.getBytes("payload")),
                        EventHashes.hex(rs.getBytes("previous_hash")),
                        EventHashes.hex(rs.getBytes("event_hash")),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        boolean more = events.size() > size;
        List<AuditExport.Event> page = more ? List.copyOf(events.subList(0, size)) : events;
        boolean complete = to != null && !to.isAfter(recordedBefore);
        return new Page(
                checkpoints.last().orElse(null),
                period ? Order.RECORDED_AT : Order.POSITION,
                page,
                more ? page.get(page.size() - 1).position() : null,
                new AuditExport.Coverage(covered, recordedBefore, complete));
    }

    /**
     * The instant before which every event is in the audit trail: those not covered yet are in the event table, or in
     * a transaction that stamped them less than the settle time ago (see the class comment).
     */
    private Instant recordedBefore(long covered) {
        Instant settled = Instant.now().minus(settleTime);
        List<Instant> uncovered = jdbc.sql("""
                        SELECT time_stamp::timestamptz FROM event_store.domain_event_entry WHERE global_index > ?
                        ORDER BY global_index LIMIT ?""")
                .param(covered)
                .param(MAX_UNCOVERED + 1)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
        if (uncovered.size() > MAX_UNCOVERED) {
            throw new ConflictException(
                    "AUDIT_TRAIL_CATCHING_UP",
                    "The audit trail, through which a period is found, "
                            + "is more than " + MAX_UNCOVERED
                            + " events behind the event table. Export without 'from' and "
                            + "'to', or again once /api/admin/projections shows it has caught up.");
        }
        return uncovered.stream()
                .min(Instant::compareTo)
                .filter(settled::isAfter)
                .orElse(settled);
    }

    private static String insertedAt(Timestamp insertedAt) {
        return insertedAt == null ? null : EventHashes.insertedAt(insertedAt.toInstant());
    }

    /** When the event at a position was recorded, as the audit trail holds it: where a page over a period continues. */
    private Instant recordedAt(long position) {
        return jdbc.sql("SELECT occurred_at FROM query_model.audit_entry WHERE global_index = ?")
                .param(position)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElseThrow(() -> new BadQueryException(
                        "UNKNOWN_POSITION",
                        "With a period, 'after' must be the position "
                                + "of an event: the last one of the previous page (its nextAfter)."));
    }

    record Page(
            ChainVerification.CheckpointSummary checkpoint,
            Order order,
            List<AuditExport.Event> events,
            Long nextAfter,
            AuditExport.Coverage coverage) {}
}
