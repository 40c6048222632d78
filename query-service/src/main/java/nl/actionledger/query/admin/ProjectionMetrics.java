package nl.actionledger.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nl.actionledger.query.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where each projection stands, as gauges tagged {@code projection}: {@code actionledger_projection_position},
 * {@code _lag_events}, {@code _lag_seconds}, {@code _replaying} (1 or 0) and {@code _segments_in_error}. The values
 * are those of the admin status ({@link Projections}), read at most once per {@code max-age} however often Prometheus
 * scrapes (a few reads of the token and event tables), and not at all while nobody scrapes. A value that could not be
 * read (the database away) is NaN until the next read succeeds.
 */
@Component
class ProjectionMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);

    private final Projections projections;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot last = new Snapshot(Instant.MIN, Map.of());

    ProjectionMetrics(
            Projections projections,
            Clock clock,
            MeterRegistry registry,
            @Value("${actionledger.projection-metrics.max-age:PT10S}") Duration maxAge) {
        this.projections = projections;
        this.clock = clock;
        this.maxAge = maxAge;
        for (Projection projection : Projection.values()) {
            gauge(
                    registry,
                    "actionledger.projection.position",
                    "The global index up to which the projection has " + "handled the events",
                    projection,
                    Values::position);
            gauge(
                    registry,
                    "actionledger.projection.lag.events",
                    "Events between the projection's position and the " + "last event",
                    projection,
                    Values::lagEvents);
            gauge(
                    registry,
                    "actionledger.projection.lag.seconds",
                    "How long the first event the projection has not " + "handled yet has waited",
                    projection,
                    Values::lagSeconds);
            gauge(
                    registry,
                    "actionledger.projection.replaying",
                    "1 while the projection is being rebuilt",
                    projection,
                    Values::replaying);
            gauge(
                    registry,
                    "actionledger.projection.segments.in.error",
                    "Segments of the projections' processor on " + "this instance that failed on an event and retry it",
                    projection,
                    Values::segmentsInError);
        }
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String description,
            Projection projection,
            ToDoubleFunction<Values> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.current(projection)))
                .description(description)
                .tag("projection", projection.id())
                .register(registry);
    }

    private Values current(Projection projection) {
        Snapshot snapshot = last;
        if (snapshot.readAt().plus(maxAge).isBefore(clock.instant())) {
            snapshot = read();
        }
        return snapshot.values().getOrDefault(projection, Values.UNKNOWN);
    }

    /** One scrape asks for every gauge in turn: the first that finds the values too old reads them for all. */
    private synchronized Snapshot read() {
        Instant now = clock.instant();
        if (!last.readAt().plus(maxAge).isBefore(now)) {
            return last;
        }
        Map<Projection, Values> values = new EnumMap<>(Projection.class);
        try {
            int inError = projections.segmentsInErrorHere();
            for (ProjectionStatus status : projections.all()) {
                Long secondsBehind = projections.secondsBehind(status);
                values.put(
                        Projection.named(status.name()).orElseThrow(),
                        new Values(
                                orNaN(status.position()),
                                orNaN(status.lag()),
                                orNaN(secondsBehind),
                                status.replaying() ? 1 : 0,
                                inError));
            }
        } catch (RuntimeException e) {
            log.warn("The projections' metrics could not be read: {}", e.toString());
            values.clear();
        }
        last = new Snapshot(now, values);
        return last;
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }

    private record Snapshot(Instant readAt, Map<Projection, Values> values) {}

    private record Values(
            double position, double lagEvents, double lagSeconds, double replaying, double segmentsInError) {
        static final Values UNKNOWN = new Values(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
