package nl.actionledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.UUID;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command's unit of work on a real PostgreSQL: what it writes before it asks for its transaction is committed on its
 * own at once (as its event's append is when nothing else is written); what it writes after is committed or rolled
 * back with the unit of work.
 */
@SpringBootTest
@ActiveProfiles("test")
class CommandTransactionsIntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void writesAfterTheTransactionIsRequiredRollBackWithTheCommandThoseBeforeDoNot() {
        byte[] before = randomDigest();
        byte[] after = randomDigest();
        UnitOfWork<?> command = startCommand();
        assertThat(CommandTransactions.isOpenForThisCommand())
                .as("no transaction until one is needed")
                .isFalse();

        insertKey(before);
        CommandTransactions.requireForThisCommand();
        CommandTransactions.requireForThisCommand();
        insertKey(after);
        assertThat(CommandTransactions.isOpenForThisCommand()).isTrue();
        command.rollback();

        assertThat(keyExists(before))
                .as("written on its own, before the transaction")
                .isTrue();
        assertThat(keyExists(after)).as("written in the command's transaction").isFalse();
    }

    @Test
    void writesInTheTransactionAreCommittedWithTheCommand() {
        byte[] digest = randomDigest();
        UnitOfWork<?> command = startCommand();
        CommandTransactions.requireForThisCommand();
        insertKey(digest);
        assertThat(keyExists(digest))
                .as("not visible outside the transaction before the commit")
                .isFalse();

        command.commit();

        assertThat(keyExists(digest)).isTrue();
    }

    @Test
    void aUnitOfWorkThatIsNotACommandsHasItsTransactionAtOnce() {
        byte[] digest = randomDigest();
        UnitOfWork<?> notACommand = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        notACommand.attachTransaction(transactions);
        insertKey(digest);
        notACommand.rollback();

        assertThat(keyExists(digest)).isFalse();
    }

    private UnitOfWork<?> startCommand() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command"));
        command.attachTransaction(transactions);
        return command;
    }

    private void insertKey(byte[] digest) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.sql("INSERT INTO event_store.person_key (person_id, key, name_digest) VALUES (?, ?, ?)")
                .params(UUID.randomUUID().toString(), key, digest)
                .update();
    }

    /** Read on another thread: a connection of its own, outside the transaction bound to this one. */
    private boolean keyExists(byte[] digest) {
        boolean[] exists = new boolean[1];
        Thread reader = new Thread(
                () -> exists[0] = jdbc.sql("SELECT count(*) FROM event_store.person_key WHERE name_digest = ?")
                                .param(digest)
                                .query(Long.class)
                                .single()
                        == 1);
        reader.start();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return exists[0];
    }

    private static byte[] randomDigest() {
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        return digest;
    }
}
