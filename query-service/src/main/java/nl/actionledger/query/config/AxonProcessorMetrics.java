package nl.actionledger.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import nl.actionledger.query.Projection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's own meters of the projections' processor (events handled, their handling time, how far behind the events'
 * time stamps it is, its capacity), in Spring Boot's registry and so at {@code /actuator/prometheus}. Wired here:
 * axon-micrometer's auto-configuration waits for Spring Boot 3's class names and never applies under Boot 4 (it is
 * also switched off in application.yml, so that it cannot start applying twice). Only the processor is monitored, not
 * the event store or the buses: query-service sends no commands, and each monitor costs a little for every event.
 *
 * <p>The same four monitors as axon-micrometer's {@code GlobalMetricRegistry.registerEventProcessor}, with one
 * difference: the timers publish no client-side percentiles. Axon's default computes six of them for each of four timers
 * on every event, which a JFR recording under the benchmark's write load put at a tenth of the projections' threads'
 * CPU; Prometheus computes quantiles from the timers' counts and sums across instances anyway, and client-side
 * percentiles cannot be aggregated.
 */
@Configuration
class AxonProcessorMetrics {

    @Bean
    ConfigurerModule projectionsProcessorMetrics(MeterRegistry registry) {
        Tags processor = Tags.of("processor", Projection.PROCESSOR);
        Function<Message<?>, Iterable<Tag>> tags = message -> processor;
        MessageMonitor<? super EventMessage<?>> monitor = new MultiMessageMonitor<EventMessage<?>>(List.of(
                MessageTimerMonitor.builder()
                        .meterNamePrefix(Projection.PROCESSOR)
                        .meterRegistry(registry)
                        .tagsBuilder(tags)
                        .timerCustomization(timer -> timer.publishPercentiles())
                        .build(),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(Projection.PROCESSOR)
                        .meterRegistry(registry)
                        .tagsBuilder(tags)
                        .build(),
                CapacityMonitor.buildMonitor(Projection.PROCESSOR, registry, tags),
                MessageCountingMonitor.buildMonitor(Projection.PROCESSOR, registry, tags)));
        return configurer -> configurer.eventProcessing(processing -> processing.registerMessageMonitorFactory(
                Projection.PROCESSOR, (configuration, componentType, componentName) -> forEveryMessage(monitor)));
    }

    /** Axon hands a processor's monitor only event messages; its factory's signature asks for a monitor of any. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> forEveryMessage(MessageMonitor<? super EventMessage<?>> monitor) {
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) monitor;
    }
}
