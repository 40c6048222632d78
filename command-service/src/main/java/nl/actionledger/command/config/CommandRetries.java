package nl.actionledger.command.config;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.actionledger.command.action.ActionChangeRejectedException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Which failed commands the gateway tries again, and when. Actions are decided on the state kept in memory between
 * commands; that copy is stale when another instance appended to the action meanwhile. Two failures follow from it,
 * and both end with the copy evicted (Axon drops a cached aggregate when its unit of work rolls back), so the retry
 * decides on the state in the event store:
 * <ul>
 * <li>a change accepted on a stale copy fails to append, because that version exists (the unique index):
 * a {@link ConcurrencyException}, retried with a short back-off, as any race between two instances; so is an
 * {@link AggregateStreamCreationException}, the same race for a command that creates its aggregate if missing (two
 * instances listing one organisation at start-up, two admins erasing one person): the retry finds it created and
 * decides on it;</li>
 * <li>a change refused on a stale copy (an If-Match that names the newer version, a permission or a "no change"
 * decided on the older state) is retried at once, once: only a refusal decided on the stored state is final.</li>
 * </ul>
 * Nothing else is retried.
 */
final class CommandRetries implements RetryScheduler {

    static final int MAX_CONCURRENCY_RETRIES = 8;
    private static final long BACK_OFF_MILLIS = 5;

    private final ScheduledExecutorService executor;

    CommandRetries(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable dispatchTask) {
        int attempt = failures.size();
        if ((lastFailure instanceof ConcurrencyException || lastFailure instanceof AggregateStreamCreationException)
                && attempt <= MAX_CONCURRENCY_RETRIES) {
            executor.schedule(dispatchTask, BACK_OFF_MILLIS << (attempt - 1), TimeUnit.MILLISECONDS);
            return true;
        }
        if (lastFailure instanceof ActionChangeRejectedException rejected
                && rejected.reason().dependsOnState()
                && attempt == 1) {
            executor.execute(dispatchTask);
            return true;
        }
        return false;
    }
}
