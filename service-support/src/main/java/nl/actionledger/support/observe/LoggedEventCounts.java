package nl.actionledger.support.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Micrometer's {@code logback.events} counters (by {@code level}), counted by an appender on the root logger, which
 * logback calls only for an event that is written, instead of by Micrometer's turbo filter, which logback asks on every
 * {@code isDebugEnabled()} and {@code isTraceEnabled()} of every logger: Spring Security, Spring MVC and Axon ask dozens
 * of times per request, and the filter's list was 1.5 % of command-service's CPU under write load with nothing logged.
 * The same meters as Micrometer's, counting the same events: those at or above their logger's level that reach the
 * root logger's appenders (no logger here stops them on the way). Declared as a {@link LogbackMetrics} so that Spring
 * Boot's {@code LogbackMetricsAutoConfiguration} backs off and does not add the filter as well.
 */
public class LoggedEventCounts extends LogbackMetrics {

    private static final String APPENDER_NAME = "logged-event-counts";

    private final LoggerContext context;
    private final List<CountingAppender> appenders = new CopyOnWriteArrayList<>();

    public LoggedEventCounts() {
        this((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    LoggedEventCounts(LoggerContext context) {
        super(List.of(), context);
        this.context = context;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CountingAppender appender = new CountingAppender(registry);
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.start();
        root().addAppender(appender);
        appenders.add(appender);
    }

    @Override
    public void close() {
        for (CountingAppender appender : appenders) {
            root().detachAppender(appender);
            appender.stop();
        }
        appenders.clear();
    }

    private Logger root() {
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /** Adds one to its level's counter per event; unsynchronized, as the counters are safe to share between threads. */
    private static final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final Map<Level, Counter> counters;

        CountingAppender(MeterRegistry registry) {
            counters = Map.of(
                    Level.ERROR, counter(registry, "error"),
                    Level.WARN, counter(registry, "warn"),
                    Level.INFO, counter(registry, "info"),
                    Level.DEBUG, counter(registry, "debug"),
                    Level.TRACE, counter(registry, "trace"));
        }

        private static Counter counter(MeterRegistry registry, String level) {
            return Counter.builder("logback.events")
                    .tag("level", level)
                    .description("Number of " + level + " level events that made it to the logs")
                    .baseUnit(BaseUnits.EVENTS)
                    .register(registry);
        }

        @Override
        protected void append(ILoggingEvent event) {
            Counter counter = counters.get(event.getLevel());
            if (counter != null) {
                counter.increment();
            }
        }
    }
}
