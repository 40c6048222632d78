package nl.actionledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which failures the gateway tries again: races between instances, and nothing else. */
class CommandRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final CommandRetries retries = new CommandRetries(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void anAppendThatLostARaceIsRetried() throws InterruptedException {
        assertThat(retriedAfter(new ConcurrencyException("version 3 of action:1 exists")))
                .isTrue();
    }

    /** Two instances creating one aggregate if missing (an organisation listed at start-up by both, say). */
    @Test
    void aCreationThatLostARaceIsRetriedSoThatTheRetryDecidesOnTheAggregateTheOtherCreated()
            throws InterruptedException {
        assertThat(retriedAfter(new AggregateStreamCreationException("organisation:lvvn exists")))
                .isTrue();
    }

    @Test
    void anyOtherFailureIsFinal() throws InterruptedException {
        assertThat(retriedAfter(new IllegalStateException("a defect"))).isFalse();
    }

    @Test
    void aRaceLostAgainAndAgainEndsAfterTheLastRetry() {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i <= CommandRetries.MAX_CONCURRENCY_RETRIES; i++) {
            failures.add(chain());
        }
        assertThat(retries.scheduleRetry(
                        GenericCommandMessage.asCommandMessage("command"),
                        new AggregateStreamCreationException("exists"),
                        failures,
                        () -> {}))
                .isFalse();
    }

    private boolean retriedAfter(RuntimeException failure) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        boolean scheduled = retries.scheduleRetry(
                GenericCommandMessage.asCommandMessage("command"),
                failure,
                List.<Class<? extends Throwable>[]>of(chain()),
                ran::countDown);
        if (scheduled) {
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("the retry runs").isTrue();
        }
        return scheduled;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] chain() {
        return new Class[] {RuntimeException.class};
    }
}
