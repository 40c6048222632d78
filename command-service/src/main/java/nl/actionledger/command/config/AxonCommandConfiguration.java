package nl.actionledger.command.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import nl.actionledger.events.EventMetadataKeys;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonCommandConfiguration {

    /**
     * Copies the actor (with their display name) and correlation id of each command into the metadata of the events it
     * causes.
     * Declaring any provider removes Axon's default, so that one is declared too; its keys are renamed
     * because Axon's own "correlationId" (the command's message id) would overwrite the request's.
     */
    @Bean
    CorrelationDataProvider actorAndCorrelationProvider() {
        return new SimpleCorrelationDataProvider(
                EventMetadataKeys.ACTOR, EventMetadataKeys.ACTOR_NAME, EventMetadataKeys.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("commandId", "traceId");
    }

    /**
     * The actions, kept in memory between commands: with it a command reads nothing from the event store, it only
     * appends. A copy is stale when another instance appended to its action meanwhile; {@link CommandRetries} says
     * how that is found out and corrected.
     */
    @Bean
    Cache actionCache(@Value("${actionledger.commands.cached-actions}") long cachedActions) {
        return new BoundedCache(cachedActions);
    }

    /** Retries what a stale cached action or a race between two instances made fail; see {@link CommandRetries}. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CommandRetries(retries))
                .build();
    }
}
