package nl.actionledger.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import nl.actionledger.query.Replays;
import nl.actionledger.query.web.ConflictException;
import nl.actionledger.query.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The projections of this service: how far each has come, and rebuilding one from the first event. */
@Service
class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Instant> replaysStarted = new ConcurrentHashMap<>();

    /** @param serializer the one Axon's token store writes tokens with */
    Projections(EventProcessingConfiguration processing, Serializer serializer, JdbcClient jdbc, Clock clock) {
        this.processing = processing;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<ProjectionStatus> all() {
        long head = head();
        return processing.eventProcessors().keySet().stream().sorted(Comparator.naturalOrder())
                .map(name -> status(name, head)).toList();
    }

    ProjectionStatus status(String name) {
        return status(name, head());
    }

    /**
     * Stops the projection, clears it through its reset handler and rewinds its tokens to the first event, then
     * starts it again: it rebuilds in the background while the service keeps answering.
     *
     * @throws ConflictException when another instance holds some of its segments
     */
    ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (processor.processingStatus().values().stream().anyMatch(Replays::stillReplaying)) {
            throw new ConflictException("REPLAY_REFUSED", "Projection '" + name + "' is already replaying.");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            log.warn("Replay of {} refused: {}", name, e.getMessage());
            processor.start();
            throw new ConflictException("REPLAY_REFUSED", "Projection '" + name + "' could not be reset here: every instance of "
                    + "query-service must release it first (" + e.getMessage() + ").");
        }
        replaysStarted.put(name, clock.instant());
        processor.start();
        log.info("Replay of {} started", name);
        return status(name);
    }

    private ProjectionStatus status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        // The segments claimed here are as far as they have processed; the others as far as their stored token says.
        Map<Integer, Optional<TrackingToken>> tokens = storedTokens(name);
        here.forEach((segment, status) -> tokens.put(segment, Optional.ofNullable(status.getTrackingToken())));
        List<OptionalLong> positions = tokens.values().stream()
                .map(token -> token.map(TrackingToken::position).orElse(OptionalLong.empty())).toList();
        Long position = positions.isEmpty() || positions.stream().anyMatch(OptionalLong::isEmpty) ? null
                : positions.stream().mapToLong(OptionalLong::getAsLong).min().getAsLong();
        int segments = tokens.size();
        boolean replaying = tokens.values().stream().flatMap(Optional::stream).anyMatch(Replays::stillReplaying);
        Long lag = lag(position, head);
        Instant started = replaying ? replaysStarted.get(name) : null;
        Double rate = null;
        Long secondsLeft = null;
        if (started != null && position != null) {
            double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
            rate = position / seconds;
            secondsLeft = rate > 0 ? Math.round(lag / rate) : null;
        }
        return new ProjectionStatus(name, position, head, lag, replaying, segments, here.size(), started, rate,
                secondsLeft);
    }

    /** Unknown while a projection has no position yet, unless there is nothing to process at all. */
    private static Long lag(Long position, long head) {
        if (position != null) {
            return Math.max(0, head - position);
        }
        return head == 0 ? 0L : null;
    }

    /**
     * Every segment's token as it stands in the token table, by segment, whoever claims it: a segment that no
     * instance processes (stopped, failing, or its owner gone) must show as behind, not be left out.
     */
    private Map<Integer, Optional<TrackingToken>> storedTokens(String name) {
        Map<Integer, Optional<TrackingToken>> tokens = new HashMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM query_model.token_entry WHERE processor_name = ?")
                .param(name)
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    tokens.put(rs.getInt("segment"), token == null ? Optional.empty()
                            : Optional.of(serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                                    rs.getString("token_type"), null))));
                });
        return tokens;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new NotFoundException("PROJECTION_NOT_FOUND", "There is no projection '" + name + "'."));
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")
                .query(Long.class).single();
    }

}
