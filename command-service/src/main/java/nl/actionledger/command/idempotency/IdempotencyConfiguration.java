package nl.actionledger.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.context.annotation.Configuration;

/** Registers {@link IdempotencyKeyInterceptor} on the command bus. */
@Configuration
class IdempotencyConfiguration {

    IdempotencyConfiguration(CommandBus commandBus, IdempotencyKeys keys) {
        commandBus.registerHandlerInterceptor(new IdempotencyKeyInterceptor(keys));
    }
}
