package nl.actionledger.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored answers, as the runtime login keeps and forgets them. */
class IdempotencyKeysTest {

    private static JdbcClient runtime;
    private static JdbcClient owner;

    @BeforeAll
    static void migrate() {
        String url = EmbeddedPostgresDatabase.newDatabase();
        Flyway.configure()
                .dataSource(url, EmbeddedPostgresDatabase.OWNER, EmbeddedPostgresDatabase.PASSWORD)
                .schemas("event_store")
                .defaultSchema("event_store")
                .placeholders(Map.of(
                        "runtime_role",
                        EmbeddedPostgresDatabase.RUNTIME,
                        "reader_role",
                        EmbeddedPostgresDatabase.READER))
                .load()
                .migrate();
        runtime = JdbcClient.create(EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.RUNTIME));
        owner = JdbcClient.create(EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.OWNER));
    }

    @Test
    void keysOlderThanTheRetentionAreForgottenOthersKept() {
        IdempotencyKeys keys = new IdempotencyKeys(runtime, Duration.ofHours(48));
        IdempotencyKey old = IdempotencyKey.of("old", "ana", "request");
        IdempotencyKey recent = IdempotencyKey.of("recent", "ana", "request");
        keys.recordRefusal(old, StoredAnswer.refused(412, "VERSION_MISMATCH", "stale", "c-1"));
        keys.recordRefusal(recent, StoredAnswer.refused(412, "VERSION_MISMATCH", "stale", "c-2"));
        owner.sql("UPDATE event_store.idempotency_key SET recorded_at = now() - interval '49 hours' "
                        + "WHERE idempotency_key = 'old'")
                .update();

        keys.forgetOldKeys();

        assertThat(keys.answerFor(old)).isEmpty();
        assertThat(keys.answerFor(recent)).contains(StoredAnswer.refused(412, "VERSION_MISMATCH", "stale", "c-2"));
    }

    @Test
    void aRefusalStoredSecondLosesToTheFirstAnswer() {
        IdempotencyKeys keys = new IdempotencyKeys(runtime, Duration.ofHours(24));
        IdempotencyKey key = IdempotencyKey.of("twice", "ben", "request");

        assertThat(keys.recordRefusal(key, StoredAnswer.refused(422, "NO_CHANGE", "nothing", "c-1")))
                .isTrue();
        assertThat(keys.recordRefusal(key, StoredAnswer.refused(412, "VERSION_MISMATCH", "stale", "c-2")))
                .isFalse();
        assertThat(keys.answerFor(key)).contains(StoredAnswer.refused(422, "NO_CHANGE", "nothing", "c-1"));
        assertThatThrownBy(() -> keys.answerFor(IdempotencyKey.of("twice", "ben", "another request")))
                .isInstanceOf(IdempotencyKeys.IdempotencyKeyReusedException.class);
    }

    @Test
    void aRetentionShorterThanADayIsRefused() {
        assertThatThrownBy(() -> new IdempotencyKeys(runtime, Duration.ofHours(23)))
                .hasMessageContaining("IDEMPOTENCY_KEY_RETENTION")
                .hasMessageContaining("at least 24 hours");
    }
}
