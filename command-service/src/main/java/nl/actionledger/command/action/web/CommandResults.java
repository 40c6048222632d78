package nl.actionledger.command.action.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a command sent through the gateway, as every controller of command-service does: its own failure is
 * thrown as it is (the problem handling maps it), and a command that has not finished within 10 s may or may not be
 * recorded, which the client is told ({@link CommandOutcomeUnknownException}, 503 with Retry-After), never a 500.
 */
public final class CommandResults {

    private static final long TIMEOUT_SECONDS = 10;

    private CommandResults() {}

    public static <T> T await(CompletableFuture<T> result) {
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new CommandOutcomeUnknownException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandOutcomeUnknownException();
        }
    }
}
