package nl.actionledger.support.observe;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing with OpenTelemetry, switched by Spring Boot's {@value #ENABLED} (README "Observability"; the services set it
 * from {@code TRACING_ENABLED}, off by default).
 *
 * <p>On, Axon's spans come from the OpenTelemetry SDK that Spring Boot configures (its sampler, its exporters, its W3C
 * propagator), not from a second SDK or the global one that Axon's own auto-configuration would use: a request's HTTP
 * span, the command's handling and the events' publication form one trace, and each event carries the trace in its
 * metadata as {@code traceparent}, from which query-service's projections continue it.
 *
 * <p>Off, neither Axon nor the HTTP requests make any span: Axon's no-op span factory adds nothing to the events, and
 * Micrometer's no-op tracer and propagator keep the request observations (which the metrics need) from starting spans
 * that nobody would export. Spring Boot alone would still start a span for every request when export is off (its
 * propagator starts the span of an incoming request on the OpenTelemetry SDK directly), and record a sampled share.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    static final String ENABLED = "management.tracing.export.enabled";

    @Bean
    @ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
    SpanFactory axonSpansOnBootsOpenTelemetry(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = ENABLED, havingValue = false)
    SpanFactory noAxonSpans() {
        return NoOpSpanFactory.INSTANCE;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = ENABLED, havingValue = false)
    Tracer noRequestSpans() {
        return Tracer.NOOP;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = ENABLED, havingValue = false)
    Propagator noIncomingRequestSpans() {
        return Propagator.NOOP;
    }
}
