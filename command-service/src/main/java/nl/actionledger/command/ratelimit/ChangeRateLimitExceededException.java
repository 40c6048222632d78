package nl.actionledger.command.ratelimit;

/** A user sent more changes than the limit allows; nothing was stored. */
public class ChangeRateLimitExceededException extends RuntimeException {

    private final long retryAfterSeconds;

    ChangeRateLimitExceededException(long changesPerMinute, long retryAfterSeconds) {
        super("You sent more than " + changesPerMinute + " changes in a minute. Nothing was stored; try again in "
                + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
