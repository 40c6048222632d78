package nl.actionledger.support.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts the problem responses by their {@code errorCode}: {@code actionledger_refusals_total{errorCode, status}} in
 * Prometheus. The codes are the service's own constants, a few dozen at most, so each counter is made once and kept;
 * counting a refusal is a map lookup and an increment. Accepted requests are not counted here: Spring Boot's
 * {@code http.server.requests} has them.
 */
@Component
public class Refusals {

    static final String METER = "actionledger.refusals";

    private final MeterRegistry registry;
    private final Map<String, Counter> byErrorCode = new ConcurrentHashMap<>();

    Refusals(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(int status, String errorCode) {
        Counter counter = byErrorCode.get(errorCode);
        if (counter == null) {
            counter = byErrorCode.computeIfAbsent(
                    errorCode,
                    code -> Counter.builder(METER)
                            .description("Requests answered with a problem, by errorCode")
                            .tag("errorCode", code)
                            .tag("status", Integer.toString(status))
                            .register(registry));
        }
        counter.increment();
    }
}
