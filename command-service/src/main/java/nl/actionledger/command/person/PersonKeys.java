package nl.actionledger.command.person;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import nl.actionledger.command.eventstore.CommandTransactions;
import nl.actionledger.support.person.ContactSeal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link PersonDirectory} in {@code event_store.person_key} (command-service's V12), through the connection of the
 * command's unit of work, so a new person's key and the event that names them are committed together or not at all: a
 * write here opens the command's transaction first ({@link CommandTransactions}). A known person is only read, and the
 * change stays a single statement.
 */
@Component
class PersonKeys implements PersonDirectory {

    private final JdbcClient jdbc;

    PersonKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public NamedPerson personFor(String organisationId, String name) {
        byte[] digest = digest(organisationId, name);
        // Most assignments name someone named before: one read, and no new key made for nothing.
        return named(digest).orElseGet(() -> {
            CommandTransactions.requireForThisCommand();
            // Two commands naming the same new person at once: the second waits for the first's row and then takes it.
            jdbc.sql("""
                    INSERT INTO event_store.person_key (person_id, key, name_digest) VALUES (?, ?, ?)
                    ON CONFLICT (name_digest) DO NOTHING""")
                    .params(UUID.randomUUID().toString(), ContactSeal.newKey(), digest)
                    .update();
            return named(digest).orElseThrow();
        });
    }

    private Optional<NamedPerson> named(byte[] digest) {
        return jdbc.sql("SELECT person_id, key FROM event_store.person_key WHERE name_digest = ?")
                .param(digest)
                .query((rs, row) -> new NamedPerson(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    @Override
    public Optional<byte[]> keyOf(String personId) {
        return jdbc.sql("SELECT key FROM event_store.person_key WHERE person_id = ?")
                .param(personId)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    @Override
    public void deleteKey(String personId) {
        CommandTransactions.requireForThisCommand();
        jdbc.sql("DELETE FROM event_store.person_key WHERE person_id = ?")
                .param(personId)
                .update();
    }

    private static byte[] digest(String organisationId, String name) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((organisationId + "\n" + name).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
