package nl.actionledger.support.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggedEventCountsTest {

    private final LoggerContext context = new LoggerContext();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoggedEventCounts counts = new LoggedEventCounts(context);
    private Logger logger;

    @BeforeEach
    void bind() {
        counts.bindTo(registry);
        logger = context.getLogger("nl.actionledger.example");
        logger.setLevel(Level.INFO);
    }

    @Test
    void countsTheEventsWrittenByLevel() {
        logger.info("one");
        logger.info("two");
        logger.warn("three");
        logger.error("four", new IllegalStateException("for the log"));

        assertThat(count("info")).isEqualTo(2);
        assertThat(count("warn")).isEqualTo(1);
        assertThat(count("error")).isEqualTo(1);
    }

    @Test
    void eventsBelowTheLoggersLevelAndQuestionsAboutItAreNotCounted() {
        logger.debug("not written");
        logger.trace("not written either");
        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(logger.isInfoEnabled()).isTrue();

        assertThat(count("debug")).isZero();
        assertThat(count("trace")).isZero();
        assertThat(count("info")).isZero();
    }

    @Test
    void noTurboFilterIsAskedOnEveryLevelCheck() {
        assertThat(context.getTurboFilterList()).isEmpty();
    }

    @Test
    void closingStopsCounting() {
        logger.info("counted");
        counts.close();
        logger.info("not counted");

        assertThat(count("info")).isEqualTo(1);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
                .toIterable()
                .isEmpty();
    }

    private double count(String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }
}
