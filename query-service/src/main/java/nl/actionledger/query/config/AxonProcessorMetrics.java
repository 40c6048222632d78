package nl.actionledger.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import nl.actionledger.query.Projection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's own meters of the projections' processor (events handled, their handling time, how far behind the events'
 * time stamps it is, its capacity), in Spring Boot's registry and so at {@code /actuator/prometheus}. Wired here:
 * axon-micrometer's auto-configuration waits for Spring Boot 3's class names and never applies under Boot 4 (it is
 * also switched off in application.yml, so that it cannot start applying twice). Only the processor is monitored, not
 * the event store or the buses: query-service sends no commands, and each monitor costs a little for every event.
 */
@Configuration
class AxonProcessorMetrics {

    @Bean
    ConfigurerModule projectionsProcessorMetrics(MeterRegistry registry) {
        GlobalMetricRegistry axonMetrics = new GlobalMetricRegistry(registry);
        Tags processor = Tags.of("processor", Projection.PROCESSOR);
        return configurer -> configurer.eventProcessing(processing -> processing.registerMessageMonitorFactory(
                Projection.PROCESSOR, (configuration, componentType, componentName) -> forEveryMessage(
                        axonMetrics.registerEventProcessor(Projection.PROCESSOR, message -> processor,
                                message -> processor))));
    }

    /** Axon hands a processor's monitor only event messages; its factory's signature asks for a monitor of any. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> forEveryMessage(MessageMonitor<? super EventMessage<?>> monitor) {
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) monitor;
    }
}
