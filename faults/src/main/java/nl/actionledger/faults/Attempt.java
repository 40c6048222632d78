package nl.actionledger.faults;

/**
 * One request and how it was answered, for counting answers by instance, status and time window.
 *
 * @param status an HTTP status, or {@link Http#TIMED_OUT} / {@link Http#NO_CONNECTION}
 */
record Attempt(String instance, int status, boolean retryAfter, boolean problem, long atNanos, long nanos) {

    boolean serverError() {
        return status >= 500 || status == Http.TIMED_OUT;
    }

    boolean between(long fromNanos, long toNanos) {
        return atNanos >= fromNanos && atNanos < toNanos;
    }
}
