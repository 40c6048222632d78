package nl.actionledger.command.idempotency;

import java.util.HexFormat;
import nl.actionledger.command.eventstore.CommandTransactions;
import nl.actionledger.events.EventMetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;

/**
 * Stores the idempotency key of an accepted change in the transaction that appends its event: in the unit of work's
 * prepare-commit phase, after the event store's append, which registered first. The transaction is opened before the
 * command is handled, since the append alone would otherwise be committed on its own ({@link CommandTransactions}). A
 * command carries its key in metadata ({@link #KEY}, {@link #FINGERPRINT}), which is not copied into the event.
 */
final class IdempotencyKeyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String FINGERPRINT = "idempotencyFingerprint";

    private final IdempotencyKeys keys;

    IdempotencyKeyInterceptor(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (metaData.containsKey(KEY)) {
            CommandTransactions.requireForThisCommand();
        }
        Object result = chain.proceed();
        if (metaData.get(KEY) instanceof String key && result instanceof Number version) {
            IdempotencyKey idempotencyKey = new IdempotencyKey(
                    (String) metaData.get(EventMetadataKeys.ACTOR),
                    key,
                    HexFormat.of().parseHex((String) metaData.get(FINGERPRINT)));
            StoredAnswer answer =
                    StoredAnswer.accepted(version.longValue(), (String) metaData.get(EventMetadataKeys.CORRELATION_ID));
            unitOfWork.onPrepareCommit(committing -> {
                try {
                    keys.recordAccepted(idempotencyKey, answer);
                } catch (DuplicateKeyException e) {
                    throw new IdempotencyKeys.IdempotencyKeyTakenException();
                }
            });
        }
        return result;
    }
}
