package nl.actionledger.support.organisation;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upcasters both services read events through. Axon's Spring configuration puts every {@link EventUpcaster} bean in
 * the chain ({@code configuration.upcasterChain()}) that each service's storage engine is given, so command-service
 * decides and query-service projects from the same reading of every event.
 */
@Configuration
public class EventUpcasting {

    @Bean
    EventUpcaster actionReassignedEventUpcaster() {
        return new ActionReassignedEventUpcaster();
    }
}
