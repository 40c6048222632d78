package nl.actionledger.command.idempotency;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The stored first answers to changes sent with an idempotency key ({@code event_store.idempotency_key}). */
@Repository
public class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcClient jdbc;
    private final Duration retention;

    IdempotencyKeys(JdbcClient jdbc, @Value("${actionledger.idempotency.retention}") Duration retention) {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalStateException("actionledger.idempotency.retention (IDEMPOTENCY_KEY_RETENTION) must be at "
                    + "least 24 hours, so that a client can retry a change for a day; it is " + retention);
        }
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * @return the first answer given with this key, if there was one
     * @throws IdempotencyKeyReusedException when that answer was to another request
     */
    public Optional<StoredAnswer> answerFor(IdempotencyKey key) {
        return jdbc.sql("""
                        SELECT request_fingerprint, status, version, error_code, detail, correlation_id
                        FROM event_store.idempotency_key WHERE actor = ? AND idempotency_key = ?""")
                .param(key.actor())
                .param(key.key())
                .query((rs, row) -> {
                    if (!key.sameRequestAs(rs.getBytes("request_fingerprint"))) {
                        throw new IdempotencyKeyReusedException();
                    }
                    Long version = rs.getObject("version", Long.class);
                    return new StoredAnswer(
                            rs.getInt("status"),
                            version,
                            rs.getString("error_code"),
                            rs.getString("detail"),
                            rs.getString("correlation_id"));
                })
                .optional();
    }

    /** In the transaction that appends the change's event: the key and the event are stored together or not at all. */
    void recordAccepted(IdempotencyKey key, StoredAnswer answer) {
        insert(key, answer, "");
    }

    /**
     * A refusal stores no event: its key is stored on its own.
     *
     * @return false when the key has an answer already: a request sent at the same moment with it got there first
     */
    public boolean recordRefusal(IdempotencyKey key, StoredAnswer answer) {
        return insert(key, answer, " ON CONFLICT (actor, idempotency_key) DO NOTHING") == 1;
    }

    private int insert(IdempotencyKey key, StoredAnswer answer, String onConflict) {
        return jdbc.sql("""
                        INSERT INTO event_store.idempotency_key (actor, idempotency_key, request_fingerprint, status,
                            version, error_code, detail, correlation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict)
                .params(
                        key.actor(),
                        key.key(),
                        key.fingerprint(),
                        answer.status(),
                        answer.version(),
                        answer.errorCode(),
                        answer.detail(),
                        answer.correlationId())
                .update();
    }

    /** Keys are kept for the retention, then forgotten: a request with an old key is then a new change. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetOldKeys() {
        int forgotten = jdbc.sql("DELETE FROM event_store.idempotency_key WHERE recorded_at < now() - ?::interval")
                .param(retention.toSeconds() + " seconds")
                .update();
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, retention);
        }
    }

    public static final class IdempotencyKeyReusedException extends RuntimeException {
        IdempotencyKeyReusedException() {
            super("This Idempotency-Key was used for another request (another action, change, If-Match or body). "
                    + "Use a new key for each change; repeat a key only to repeat the same request.");
        }
    }

    /** A request with the same key was answered while this one ran: this one stored nothing, that answer stands. */
    public static final class IdempotencyKeyTakenException extends RuntimeException {
        IdempotencyKeyTakenException() {
            super("Another request with this Idempotency-Key was answered first");
        }
    }
}
