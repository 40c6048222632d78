package nl.actionledger.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that cannot handle an event stops at that event and retries it, rather than logging the error and
 * moving on. Axon's default (log and continue) would leave a view silently without that change for good; stopping
 * makes the fault visible (the processor's status, the audit check) and loses nothing once it is fixed.
 */
@Configuration
class ProjectionErrorHandling {

    @Bean
    ConfigurerModule stopProjectionsAtAFailingEvent() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerDefaultListenerInvocationErrorHandler(
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
