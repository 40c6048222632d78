package nl.actionledger.command.idempotency;

/**
 * The first answer to a change sent with an idempotency key: an acceptance (200, the new version) or a refusal
 * (its status, error code and detail), with the correlation id it carried.
 */
public record StoredAnswer(int status, Long version, String errorCode, String detail, String correlationId) {

    public static StoredAnswer accepted(long version, String correlationId) {
        return new StoredAnswer(200, version, null, null, correlationId);
    }

    public static StoredAnswer refused(int status, String errorCode, String detail, String correlationId) {
        return new StoredAnswer(status, null, errorCode, detail, correlationId);
    }

    public boolean isAccepted() {
        return version != null;
    }
}
