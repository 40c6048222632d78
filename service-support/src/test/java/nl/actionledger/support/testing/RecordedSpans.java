package nl.actionledger.support.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;

/**
 * The spans that a test context's traces produced, kept in memory by an exporter that Spring Boot adds beside any
 * other (it collects every {@code SpanExporter} bean). A test sends its own W3C {@code traceparent}, so it knows the
 * trace id to look for among the spans of the other tests sharing the context.
 */
public final class RecordedSpans {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InMemorySpanExporter exporter;
    private final SdkTracerProvider tracerProvider;

    RecordedSpans(InMemorySpanExporter exporter, SdkTracerProvider tracerProvider) {
        this.exporter = exporter;
        this.tracerProvider = tracerProvider;
    }

    /**
     * Import into a test context to record its spans. A plain class rather than a {@code @TestConfiguration}: the check
     * that the library's auto-configuration imports every component of the library scans the test classes too.
     */
    public static class Recording {

        @Bean
        InMemorySpanExporter recordedSpanExporter() {
            return InMemorySpanExporter.create();
        }

        @Bean
        RecordedSpans recordedSpans(InMemorySpanExporter recordedSpanExporter, SdkTracerProvider tracerProvider) {
            return new RecordedSpans(recordedSpanExporter, tracerProvider);
        }
    }

    /** A new random trace id (32 hex digits). */
    public static String newTraceId() {
        return randomHex(16);
    }

    /** A new random span id (16 hex digits). */
    public static String newSpanId() {
        return randomHex(8);
    }

    /** The W3C header value of a sampled span, as a client or an upstream service sends it. */
    public static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** The span id in a W3C {@code traceparent} value. */
    public static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    /** The finished spans of the trace, once the batch processor has handed over what it holds. */
    public Trace trace(String traceId) {
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        return new Trace(exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList());
    }

    /** Every finished span of the context, once the batch processor has handed over what it holds. */
    public List<SpanData> all() {
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        return exporter.getFinishedSpanItems();
    }

    /** The finished spans that link to a span of the trace (a trace started for work that the trace caused). */
    public List<SpanData> linkedTo(String traceId) {
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        return exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getLinks().stream()
                        .anyMatch(link -> link.getSpanContext().getTraceId().equals(traceId)))
                .toList();
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The spans of one trace, with their parents. */
    public record Trace(List<SpanData> spans) {

        public List<SpanData> named(String prefix) {
            return spans.stream()
                    .filter(span -> span.getName().startsWith(prefix))
                    .toList();
        }

        public Optional<SpanData> withId(String spanId) {
            return spans.stream()
                    .filter(span -> span.getSpanId().equals(spanId))
                    .findFirst();
        }

        /** Whether the span is the ancestor or one of its descendants, following the recorded parents. */
        public boolean descendsFrom(SpanData span, SpanData ancestor) {
            Map<String, SpanData> byId =
                    spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
            for (SpanData current = span; current != null; current = byId.get(current.getParentSpanId())) {
                if (current.getSpanId().equals(ancestor.getSpanId())) {
                    return true;
                }
            }
            return false;
        }
    }
}
