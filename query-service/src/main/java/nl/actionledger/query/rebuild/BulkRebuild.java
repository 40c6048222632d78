package nl.actionledger.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import nl.actionledger.support.persistence.EventTable;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds projections from the first event in bulk, at several times the rate of the processor's replay: the events
 * are read a page at a time straight from the event table (the next page while the last is written), each projection
 * keeps what it would read back (an action's current state) in memory for the whole rebuild, and appends its rows with
 * {@code COPY}.
 *
 * <p>It takes over a replay that {@link StreamingEventProcessor#resetTokens(Object)} has just begun, while this
 * instance holds every segment's claim and its processor is stopped. A rebuild of every projection loads the whole
 * history up to the head ({@link WholeHistory}); a rebuild of some loads what the processor would replay to them
 * ({@link ReplayOfSegments}), the first with the projections' secondary indexes set aside until the end
 * ({@link ProjectionIndexes}). At checkpoints, every {@code checkpoint-interval} events, each projection writes what
 * it keeps back (the current views: rewritten once per checkpoint instead of once per page) and then every segment's
 * token is moved past the pages written: the stored tokens are always ones the processor could have reached itself, so
 * should the bulk load fail, or this instance stop or die, the processor (here, or on another instance once the
 * claims expire) carries on event by event from the last checkpoint. At the end the processor is started again and
 * handles what came after. While it runs, every instance sees it ({@link BulkRebuildsInProgress}).
 */
@Service
public class BulkRebuild {

    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);

    private final List<ProjectionBulkLoad> projections;
    private final JdbcClient jdbc;
    private final EventTableReader reader;
    private final TokenStore tokenStore;
    private final ProjectionIndexes indexes;
    private final BulkRebuildsInProgress inProgress;
    private final RebuildHeartbeat heartbeat;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final boolean enabled;
    private final int pageSize;
    private final int checkpointInterval;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "bulk-rebuild"));
    private final ExecutorService reading =
            Executors.newSingleThreadExecutor(task -> new Thread(task, "bulk-rebuild-reader"));
    /** One thread per projection: each writes its rows on a connection of its own. */
    private final ExecutorService writing =
            Executors.newFixedThreadPool(Projection.values().length, task -> new Thread(task, "bulk-rebuild-writer"));

    private final AtomicReference<Rebuild> running = new AtomicReference<>();
    private final Map<Projection, BulkRun> lastRuns = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    BulkRebuild(
            List<ProjectionBulkLoad> projections,
            JdbcClient jdbc,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration axon,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            ProjectionIndexes indexes,
            BulkRebuildsInProgress inProgress,
            RebuildHeartbeat heartbeat,
            TransactionTemplate transactions,
            DataSource dataSource,
            @Value("${actionledger.rebuild.in-bulk:true}") boolean enabled,
            @Value("${actionledger.rebuild.page-size:5000}") int pageSize,
            @Value("${actionledger.rebuild.checkpoint-interval:50000}") int checkpointInterval) {
        this.projections = List.copyOf(projections);
        this.jdbc = jdbc;
        this.reader = new EventTableReader(jdbc, eventSerializer, axon.upcasterChain());
        this.tokenStore = tokenStore;
        this.indexes = indexes;
        this.inProgress = inProgress;
        this.heartbeat = heartbeat;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.sequencing = processing.sequencingPolicy(Projection.PROCESSOR);
        this.enabled = enabled;
        this.pageSize = pageSize;
        this.checkpointInterval = checkpointInterval;
    }

    /** Whether a bulk load runs on this instance. */
    public boolean running() {
        return running.get() != null;
    }

    /** Whether a bulk load that rebuilds the projection runs on this instance (until the processor is started again). */
    public boolean rebuilding(Projection projection) {
        Rebuild rebuild = running.get();
        return rebuild != null && rebuild.includes(projection);
    }

    /** The last rebuild of the projection done in bulk on this instance, if any. */
    public Optional<BulkRun> lastRun(Projection projection) {
        return Optional.ofNullable(lastRuns.get(projection));
    }

    /**
     * Carries out the replay just begun by resetting the processor's tokens: in bulk in the background when it can, and
     * then (or else at once) starts the processor again.
     *
     * @param processor stopped, its tokens reset with {@code rebuild} as the reset context, every claim held here
     */
    public void takeOver(Rebuild rebuild, StreamingEventProcessor processor) {
        if (!enabled || !running.compareAndSet(null, rebuild)) {
            processor.start();
            return;
        }
        worker.execute(() -> {
            try {
                load(rebuild);
            } catch (RuntimeException e) {
                log.error(
                        "The bulk rebuild of {} stopped; the processor carries on the replay event by event from the "
                                + "last checkpoint",
                        rebuild.projections(),
                        e);
            } finally {
                // Started before the load counts as over, so that a replay requested next finds it running and stops
                // it.
                if (!stopping) {
                    processor.start();
                }
                running.set(null);
            }
        });
    }

    private void load(Rebuild rebuild) {
        Set<Projection> withoutBulkLoad = EnumSet.copyOf(rebuild.projections());
        projections.forEach(projection -> withoutBulkLoad.remove(projection.projection()));
        if (!withoutBulkLoad.isEmpty()) {
            log.info("No bulk load for {}: the processor replays {}", withoutBulkLoad, rebuild.projections());
            return;
        }
        Map<Segment, GapAwareTrackingToken> atReset = tokensAtReset(rebuild);
        if (atReset.isEmpty()) {
            log.info("Nothing to rebuild in bulk for {}: the processor replays", rebuild.projections());
            return;
        }
        RebuildScope scope =
                everyProjection(rebuild) ? wholeHistory() : new ReplayOfSegments(atReset, sequencing, rebuild);
        List<ProjectionBulkLoad.Loader> loaders = projections.stream()
                .filter(projection -> rebuild.includes(projection.projection()))
                .map(ProjectionBulkLoad::begin)
                .toList();
        log.info("Rebuilding {} in bulk up to position {}", rebuild.projections(), scope.upTo());
        long started = System.nanoTime();
        boolean wholeHistory = scope instanceof WholeHistory;
        long loaded;
        inProgress.begin(rebuild, scope.upTo());
        // Until the last token is stored: the claims must outlast building the indexes and vacuuming.
        try (RebuildHeartbeat.Beat beating = heartbeat.start(atReset.keySet())) {
            try {
                if (wholeHistory) {
                    indexes.setAside();
                }
                try {
                    loaded = loadPages(scope, loaders, atReset.keySet());
                } finally {
                    if (wholeHistory) {
                        indexes.restore();
                    }
                }
            } finally {
                inProgress.end();
            }
            indexes.vacuum();
            if (stopping) {
                log.warn(
                        "The bulk rebuild of {} was stopped: the processor carries on from the last checkpoint when "
                                + "it starts",
                        rebuild.projections());
                return;
            }
            long end = scope.upTo();
            transactions.executeWithoutResult(status -> atReset.keySet()
                    .forEach(segment -> tokenStore.storeToken(
                            scope.tokenAt(segment, end), Projection.PROCESSOR, segment.getSegmentId())));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BulkRun run = new BulkRun(loaded, seconds, Instant.now());
        rebuild.projections().forEach(projection -> lastRuns.put(projection, run));
        log.info(
                "Rebuilt {} in bulk: {} events in {} s ({} events/s)",
                rebuild.projections(),
                loaded,
                Math.round(seconds),
                Math.round(loaded / Math.max(seconds, 0.001)));
    }

    /** @return the events loaded */
    private long loadPages(RebuildScope scope, List<ProjectionBulkLoad.Loader> loaders, Set<Segment> segments) {
        long loaded = 0;
        long after = scope.start();
        long sinceCheckpoint = 0;
        // The next page is read and deserialized while this one is written.
        CompletableFuture<EventTableReader.Page> next = readAfter(after, scope);
        while (!stopping) {
            EventTableReader.Page page = next.join();
            if (page.positions().length == 0) {
                break;
            }
            after = scope.passed(after, page.positions());
            next = readAfter(after, scope);
            List<StoredEvent> events =
                    page.events().stream().filter(scope::includes).toList();
            sinceCheckpoint += page.positions().length;
            boolean checkpoint = sinceCheckpoint >= checkpointInterval;
            write(events, loaders, checkpoint, after);
            if (checkpoint) {
                moveTokens(segments, scope, after);
                sinceCheckpoint = 0;
            }
            loaded += events.size();
        }
        if (sinceCheckpoint > 0) {
            write(List.of(), loaders, true, after);
            moveTokens(segments, scope, after);
        }
        return loaded;
    }

    private WholeHistory wholeHistory() {
        EventSchema schema = EventTable.schema();
        return jdbc.sql("SELECT coalesce(min(" + schema.globalIndexColumn() + "), 1), coalesce(max("
                        + schema.globalIndexColumn() + "), 0) FROM " + schema.domainEventTable())
                .query((rs, row) -> new WholeHistory(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private CompletableFuture<EventTableReader.Page> readAfter(long after, RebuildScope scope) {
        Collection<Long> missing = scope.missing();
        return CompletableFuture.supplyAsync(() -> reader.read(after, scope.upTo(), missing, pageSize), reading);
    }

    private static boolean everyProjection(Rebuild rebuild) {
        return rebuild.projections().containsAll(EnumSet.allOf(Projection.class));
    }

    /**
     * Every segment's token at the reset, if the replay is the one {@code rebuild} began and has not moved yet. A
     * segment whose token is of another kind leaves the whole replay to the processor.
     *
     * <p>A segment that held no token before the reset (its processor never stored one) holds the processor's initial
     * token after it, a replay from the first event without the reset's context (Axon's reset stores that token as it
     * is): part of a rebuild of every projection all the same, which starts from the first event and leaves no replay
     * behind; for a rebuild of some, which depends on what each segment had handled, the processor replays.
     */
    private Map<Segment, GapAwareTrackingToken> tokensAtReset(Rebuild rebuild) {
        return transactions.execute(status -> {
            int[] ids = tokenStore.fetchSegments(Projection.PROCESSOR);
            Map<Segment, GapAwareTrackingToken> tokens = new LinkedHashMap<>();
            for (int id : ids) {
                TrackingToken token = tokenStore.fetchToken(Projection.PROCESSOR, id);
                Optional<GapAwareTrackingToken> atReset = Optional.ofNullable(token)
                        .filter(ReplayToken.class::isInstance)
                        .map(ReplayToken.class::cast)
                        .filter(replay -> fromTheFirstEvent(replay)
                                && (rebuild.equals(replay.context())
                                        || replay.context() == null && everyProjection(rebuild)))
                        .map(replay -> replay.getTokenAtReset())
                        .filter(GapAwareTrackingToken.class::isInstance)
                        .map(GapAwareTrackingToken.class::cast);
                if (atReset.isEmpty()) {
                    log.info(
                            "Segment {} of {} holds {}: not a replay from the first event that can be done in bulk",
                            id,
                            Projection.PROCESSOR,
                            token);
                    return Map.of();
                }
                tokens.put(Segment.computeSegment(id, ids), atReset.get());
            }
            return tokens;
        });
    }

    /**
     * A replay that has not handled an event yet: no current token, or (the processor's initial token, which a reset
     * starts from) a replay token without a position.
     */
    private static boolean fromTheFirstEvent(ReplayToken replay) {
        TrackingToken current = replay.getCurrentToken();
        return current == null || current instanceof ReplayToken initial && fromTheFirstEvent(initial);
    }

    /**
     * One page: each projection's rows in a transaction of its own, all at once on their own connections; at a
     * checkpoint, with what each projection kept back until then.
     */
    private void write(
            List<StoredEvent> events, List<ProjectionBulkLoad.Loader> loaders, boolean checkpoint, long pageEnd) {
        CompletableFuture.allOf(loaders.stream()
                        .map(loader -> CompletableFuture.runAsync(
                                () -> transactions.executeWithoutResult(
                                        status -> write(events, loader, checkpoint, pageEnd)),
                                writing))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /**
     * After a checkpoint: every segment's token moved past the pages written. A token is never ahead of the rows; rows
     * ahead of the token (the pages since the last checkpoint, should the rebuild stop before the next) are harmless,
     * as every projection's handler leaves an event it already reflects as it is.
     */
    private void moveTokens(Set<Segment> segments, RebuildScope scope, long position) {
        transactions.executeWithoutResult(status -> {
            segments.forEach(segment -> tokenStore.storeToken(
                    scope.tokenAt(segment, position), Projection.PROCESSOR, segment.getSegmentId()));
            inProgress.passed(position);
        });
    }

    private void write(List<StoredEvent> events, ProjectionBulkLoad.Loader loader, boolean checkpoint, long pageEnd) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!events.isEmpty()) {
                loader.write(events, connection);
            }
            if (checkpoint) {
                loader.checkpoint(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write a page of the bulk rebuild ending at " + pageEnd, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("The bulk rebuild did not stop within 20 s");
            worker.shutdownNow();
        }
        reading.shutdownNow();
        writing.shutdownNow();
    }
}
