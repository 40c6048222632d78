package nl.actionledger.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import nl.actionledger.query.Replays;
import nl.actionledger.query.StoredTokens;
import nl.actionledger.query.rebuild.BulkRebuild;
import nl.actionledger.query.rebuild.BulkRebuildsInProgress;
import nl.actionledger.query.refusals.ConflictException;
import nl.actionledger.query.refusals.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The projections of this service: how far each has come, and rebuilding one or all of them from the first event.
 * They share one processor ({@link Projection#PROCESSOR}), so they stand at the same position; a projection is
 * "replaying" while a rebuild that names it runs. A rebuild is done in bulk ({@link BulkRebuild}) where it can.
 */
@Service
class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final BulkRebuild bulkRebuild;
    private final BulkRebuildsInProgress bulkRebuildsInProgress;
    private final SegmentFailures segmentFailures;
    private final Map<Projection, Instant> replaysStarted = new ConcurrentHashMap<>();

    Projections(
            EventProcessingConfiguration processing,
            StoredTokens storedTokens,
            JdbcClient jdbc,
            Clock clock,
            BulkRebuild bulkRebuild,
            BulkRebuildsInProgress bulkRebuildsInProgress,
            SegmentFailures segmentFailures) {
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.jdbc = jdbc;
        this.clock = clock;
        this.bulkRebuild = bulkRebuild;
        this.bulkRebuildsInProgress = bulkRebuildsInProgress;
        this.segmentFailures = segmentFailures;
    }

    List<ProjectionStatus> all() {
        Progress progress = progress();
        return Arrays.stream(Projection.values())
                .map(projection -> status(projection, progress))
                .toList();
    }

    ProjectionStatus status(String name) {
        return status(projection(name), progress());
    }

    /**
     * Clears one projection and rebuilds it from the first event in the background while the service keeps answering;
     * the others skip the replayed events.
     *
     * @throws ConflictException when a replay runs already, or another instance holds some of the processor's segments
     */
    ProjectionStatus replay(String name) {
        Projection projection = projection(name);
        rebuild(Rebuild.of(projection));
        return status(projection, progress());
    }

    /** Clears every projection and rebuilds them all in one pass over the events. */
    List<ProjectionStatus> replayAll() {
        rebuild(Rebuild.all());
        return all();
    }

    private void rebuild(Rebuild rebuild) {
        StreamingEventProcessor processor = processor();
        // Any segment, processed here or not: another instance may be replaying, or rebuilding in bulk.
        if (bulkRebuild.running()
                || bulkRebuildsInProgress
                        .current()
                        .filter(running -> !running.stale())
                        .isPresent()
                || progress().tokens().values().stream()
                        .flatMap(Optional::stream)
                        .anyMatch(Replays::stillReplaying)) {
            throw new ConflictException(
                    "REPLAY_REFUSED", "A replay is running already; start another once it is done.");
        }
        processor.shutDown();
        try {
            processor.resetTokens(rebuild);
        } catch (RuntimeException e) {
            log.warn("Replay of {} refused: {}", rebuild.projections(), e.getMessage());
            processor.start();
            throw new ConflictException(
                    "REPLAY_REFUSED",
                    "The projections could not be reset here: every instance of "
                            + "query-service must release them first (" + e.getMessage() + ").");
        }
        Instant now = clock.instant();
        rebuild.projections().forEach(projection -> replaysStarted.put(projection, now));
        log.info("Replay of {} started", rebuild.projections());
        bulkRebuild.takeOver(rebuild, processor);
    }

    private ProjectionStatus status(Projection projection, Progress progress) {
        // In bulk here, in bulk on another instance (which holds every segment meanwhile), or by the processor
        Optional<BulkRebuildsInProgress.InProgress> inBulk =
                progress.inBulk().filter(run -> run.rebuilding(projection));
        boolean replaying = bulkRebuild.rebuilding(projection)
                || inBulk.isPresent()
                || progress.tokens().values().stream()
                        .flatMap(Optional::stream)
                        .anyMatch(token -> Replays.rebuilding(token, projection));
        Long position = inBulk.map(run -> (Long) run.position()).orElse(progress.position());
        Long lag = lag(position, progress.head());
        Instant started = !replaying
                ? null
                : inBulk.map(BulkRebuildsInProgress.InProgress::startedAt).orElse(replaysStarted.get(projection));
        Double rate = null;
        Long secondsLeft = null;
        if (started != null && position != null) {
            double seconds =
                    Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
            rate = position / seconds;
            secondsLeft = rate > 0 ? Math.round(lag / rate) : null;
        }
        return new ProjectionStatus(
                projection.id(),
                position,
                progress.head(),
                lag,
                replaying,
                inBulk.map(BulkRebuildsInProgress.InProgress::instance).orElse(null),
                progress.tokens().size(),
                progress.segmentsHere(),
                started,
                rate,
                secondsLeft,
                bulkRebuild.lastRun(projection).orElse(null));
    }

    /**
     * How far the processor has come: every segment's token, claimed here (as far as it has processed) or not (as far
     * as its stored token says: a segment that no instance processes must show as behind, not be left out). A segment
     * whose work here failed (the database went away, say) may linger in this instance's status while another instance
     * has claimed and moved it on: it does not count as processed here, and the further of the two tokens stands.
     */
    private Progress progress() {
        Map<Integer, Optional<TrackingToken>> tokens = storedTokens.bySegment();
        var here = new HashMap<>(processor().processingStatus());
        here.values().removeIf(status -> status.isErrorState());
        here.forEach((segment, status) ->
                tokens.merge(segment, Optional.ofNullable(status.getTrackingToken()), Projections::further));
        List<OptionalLong> positions = tokens.values().stream()
                .map(token -> token.map(TrackingToken::position).orElse(OptionalLong.empty()))
                .toList();
        Long position = positions.isEmpty() || positions.stream().anyMatch(OptionalLong::isEmpty)
                ? null
                : positions.stream().mapToLong(OptionalLong::getAsLong).min().getAsLong();
        return new Progress(tokens, here.size(), position, head(), bulkRebuildsInProgress.current());
    }

    private static Optional<TrackingToken> further(Optional<TrackingToken> stored, Optional<TrackingToken> local) {
        return positionOf(local) >= positionOf(stored) ? local : stored;
    }

    private static long positionOf(Optional<TrackingToken> token) {
        return token.map(TrackingToken::position).orElse(OptionalLong.empty()).orElse(-1);
    }

    private record Progress(
            Map<Integer, Optional<TrackingToken>> tokens,
            int segmentsHere,
            Long position,
            long head,
            Optional<BulkRebuildsInProgress.InProgress> inBulk) {}

    /**
     * How long the first event above the projection's position has been waiting, in seconds: 0 when it is caught up,
     * null while its lag is unknown. One read of the event table's primary key.
     */
    Long secondsBehind(ProjectionStatus status) {
        if (status.lag() == null || status.lag() == 0) {
            return status.lag();
        }
        long after = status.position() == null ? -1 : status.position();
        return jdbc.sql("SELECT time_stamp FROM event_store.domain_event_entry WHERE global_index > ? "
                        + "ORDER BY global_index LIMIT 1")
                .param(after)
                .query(String.class)
                .optional()
                .map(stamp -> Math.max(
                        0,
                        Duration.between(Instant.parse(stamp), clock.instant()).toSeconds()))
                .orElse(0L);
    }

    /**
     * Segments that stopped here at an event they failed on and retry it: those the processor's status shows in error,
     * or else those whose last batch here rolled back ({@link SegmentFailures}; the pooled processor lets a failing
     * segment go at once and claims it again later).
     */
    int segmentsInErrorHere() {
        int inErrorState = (int) processor().processingStatus().values().stream()
                .filter(status -> status.isErrorState())
                .count();
        return Math.max(inErrorState, segmentFailures.failing());
    }

    /**
     * Whether the processor runs here; it is stopped on purpose only while a replay begins and while a bulk rebuild
     * loads on this instance.
     */
    boolean runningOrRebuilding() {
        return processor().isRunning() || bulkRebuild.running();
    }

    /** Unknown while a projection has no position yet, unless there is nothing to process at all. */
    private static Long lag(Long position, long head) {
        if (position != null) {
            return Math.max(0, head - position);
        }
        return head == 0 ? 0L : null;
    }

    private static Projection projection(String name) {
        return Projection.named(name)
                .orElseThrow(
                        () -> new NotFoundException("PROJECTION_NOT_FOUND", "There is no projection '" + name + "'."));
    }

    private StreamingEventProcessor processor() {
        return processing
                .eventProcessor(Projection.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();
    }
}
