package nl.actionledger.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database transactions of Axon's units of work in command-service: a command's is opened only when the command
 * writes more than its event.
 *
 * <p>Most changes write one row, their event, and a transaction of their own for it would cost a round trip for the
 * {@code COMMIT} and a flush of the WAL each: their appends are committed in groups instead, with the appends of the
 * other commands of the moment ({@link GroupCommits}). So a command's unit of work starts with no transaction, and
 * whatever writes beside the event calls {@link #requireForThisCommand()} before its first write: an idempotency key
 * stored with the event, a new contact person's key, an erasure's deleted key, an append of more than one event. From
 * then on the unit of work is one Spring transaction, which the event's append joins (the engine takes the
 * transaction's connection), committed or rolled back with the unit of work. Reads need none: the events they read
 * are never changed.
 *
 * <p>A unit of work that is not a command's (none runs in command-service today) gets its transaction at once, as
 * Axon's {@link SpringTransactionManager} would give it.
 */
public final class CommandTransactions implements TransactionManager {

    private static final String RESOURCE = CommandTransactions.class.getName();

    private final TransactionManager spring;

    public CommandTransactions(PlatformTransactionManager transactions) {
        this.spring = new SpringTransactionManager(transactions);
    }

    @Override
    public Transaction startTransaction() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?>)) {
            return spring.startTransaction();
        }
        OpenedOnDemand transaction = new OpenedOnDemand(spring);
        CurrentUnitOfWork.get().root().resources().put(RESOURCE, transaction);
        return transaction;
    }

    /**
     * Opens the current command's transaction if it is not open yet: call it before a write that must commit together
     * with the command's event. Outside a command's unit of work it does nothing (the caller has its own transaction, or
     * needs none).
     */
    public static void requireForThisCommand() {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
            if (unitOfWork.getResource(RESOURCE) instanceof OpenedOnDemand transaction) {
                transaction.open();
            }
        }
    }

    /** Whether the current command's transaction is open: for tests. */
    static boolean isOpenForThisCommand() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().getResource(RESOURCE) instanceof OpenedOnDemand transaction
                && transaction.opened != null;
    }

    private static final class OpenedOnDemand implements Transaction {

        private final TransactionManager spring;
        private Transaction opened;

        OpenedOnDemand(TransactionManager spring) {
            this.spring = spring;
        }

        void open() {
            if (opened == null) {
                opened = spring.startTransaction();
            }
        }

        @Override
        public void commit() {
            if (opened != null) {
                opened.commit();
            }
        }

        @Override
        public void rollback() {
            if (opened != null) {
                opened.rollback();
            }
        }
    }
}
