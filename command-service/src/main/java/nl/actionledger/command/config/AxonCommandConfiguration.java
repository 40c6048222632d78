package nl.actionledger.command.config;

import java.util.concurrent.Executors;
import nl.actionledger.events.EventMetadataKeys;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonCommandConfiguration {

    /**
     * Copies the actor and correlation id of each command into the metadata of the events it causes.
     * Declaring any provider removes Axon's default, so that one is declared too; its keys are renamed
     * because Axon's own "correlationId" (the command's message id) would overwrite the request's.
     */
    @Bean
    CorrelationDataProvider actorAndCorrelationProvider() {
        return new SimpleCorrelationDataProvider(EventMetadataKeys.ACTOR, EventMetadataKeys.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("commandId", "traceId");
    }

    /**
     * Loading an action replays its events since the last snapshot on every command. A snapshot every
     * {@value #SNAPSHOT_EVERY} events keeps that to a few events however long its history grows; taking one reads
     * those events once more and writes one row, so at ten both stay small (at 100, loading some 50 events per
     * command was most of its CPU in the benchmark). Snapshots are a cache: they live in their own table, can be
     * deleted at any time, and the events stay the record.
     */
    @Bean
    SnapshotTriggerDefinition actionSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    static final int SNAPSHOT_EVERY = 10;

    /**
     * Two instances can append to the same action at once; the unique index lets one in and the other
     * fails with a ConcurrencyException. Retrying re-reads the action and decides again (an If-Match
     * then fails with 412, a no-op with 422), so no update is lost. Nothing else is retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ExponentialBackOffIntervalRetryScheduler.Builder retries = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                }))
                .backoffFactor(5)
                .maxRetryCount(8);
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ExponentialBackOffIntervalRetryScheduler(retries) {
                    // Axon's default also looks at the causes; a ConcurrencyException is caused by a
                    // non-transient SQL error, so only the outermost failure decides here.
                    @Override
                    protected boolean isExplicitlyNonTransient(Throwable failure) {
                        return !(failure instanceof ConcurrencyException);
                    }
                })
                .build();
    }
}
