package nl.actionledger.query.rebuild;

import java.lang.management.ManagementFactory;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bulk rebuild that runs, as every instance sees it ({@code query_model.bulk_rebuild}, query migration V13): which
 * instance runs it, for which projections, how far it has come (its last checkpoint), and when that instance last sent
 * a heartbeat ({@link RebuildHeartbeat}). A rebuild without one for {@link #HEARTBEAT_TIMEOUT} is taken to have died
 * with its instance.
 */
@Component
public class BulkRebuildsInProgress {

    /**
     * Ten heartbeats missed. Another instance waits this long before it shows the rebuild as stopped and builds the
     * indexes it left aside, so not much longer than that.
     */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    /** As Axon names a token's owner: process id and host. */
    static final String THIS_INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;

    BulkRebuildsInProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void begin(Rebuild rebuild, long upTo) {
        String[] names = rebuild.projections().stream().map(Projection::id).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO query_model.bulk_rebuild (processor_name, instance, projections, up_to, position,
                                                              started_at, heartbeat_at)
                        VALUES (:processor, :instance, :projections, :upTo, 0, now(), now())
                        ON CONFLICT (processor_name) DO UPDATE SET instance = excluded.instance,
                            projections = excluded.projections, up_to = excluded.up_to, position = 0,
                            started_at = now(), heartbeat_at = now()""")
                .param("processor", Projection.PROCESSOR)
                .param("instance", THIS_INSTANCE)
                .param("projections", names)
                .param("upTo", upTo)
                .update();
    }

    /** At a checkpoint: called in the transaction that moves the tokens past the pages written. */
    void passed(long position) {
        jdbc.sql("""
                        UPDATE query_model.bulk_rebuild SET position = :position, heartbeat_at = now()
                        WHERE processor_name = :processor AND instance = :instance""")
                .param("position", position)
                .param("processor", Projection.PROCESSOR)
                .param("instance", THIS_INSTANCE)
                .update();
    }

    /** The instance running the rebuild is alive. */
    void beat() {
        jdbc.sql("""
                        UPDATE query_model.bulk_rebuild SET heartbeat_at = now()
                        WHERE processor_name = :processor AND instance = :instance""")
                .param("processor", Projection.PROCESSOR)
                .param("instance", THIS_INSTANCE)
                .update();
    }

    void end() {
        jdbc.sql("DELETE FROM query_model.bulk_rebuild WHERE processor_name = :processor AND instance = :instance")
                .param("processor", Projection.PROCESSOR)
                .param("instance", THIS_INSTANCE)
                .update();
    }

    /** Forgets a rebuild whose instance died, as long as no other has begun since. */
    void forget(InProgress dead) {
        jdbc.sql("""
                        DELETE FROM query_model.bulk_rebuild
                        WHERE processor_name = :processor AND instance = :instance AND started_at = :startedAt""")
                .param("processor", Projection.PROCESSOR)
                .param("instance", dead.instance())
                .param("startedAt", Timestamp.from(dead.startedAt()))
                .update();
    }

    /** The bulk rebuild recorded as running, on any instance, alive or not. */
    public Optional<InProgress> current() {
        return jdbc.sql("""
                        SELECT instance, projections, up_to, position, started_at, heartbeat_at,
                               heartbeat_at < now() - make_interval(secs => :timeout) AS stale
                        FROM query_model.bulk_rebuild WHERE processor_name = :processor""")
                .param("processor", Projection.PROCESSOR)
                .param("timeout", HEARTBEAT_TIMEOUT.toSeconds())
                .query((rs, row) -> new InProgress(
                        rs.getString(1),
                        projections(rs.getArray(2)),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7)))
                .optional();
    }

    private static Set<Projection> projections(Array names) throws SQLException {
        Set<Projection> projections = EnumSet.noneOf(Projection.class);
        Arrays.stream((String[]) names.getArray())
                .map(Projection::named)
                .flatMap(Optional::stream)
                .forEach(projections::add);
        return projections;
    }

    /**
     * @param stale whether its instance has sent no heartbeat for longer than the heartbeat timeout (it died)
     */
    public record InProgress(
            String instance,
            Set<Projection> projections,
            long upTo,
            long position,
            Instant startedAt,
            Instant heartbeatAt,
            boolean stale) {

        public boolean rebuilding(Projection projection) {
            return !stale && projections.contains(projection);
        }
    }
}
