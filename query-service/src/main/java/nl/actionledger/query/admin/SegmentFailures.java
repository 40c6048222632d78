package nl.actionledger.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.actionledger.query.Projection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Which segments of the projections' processor failed on this instance and have not committed a batch since. Axon's
 * pooled processor gives a failing segment up at once (it leaves the processor's status) and claims it again after a
 * pause, so its status shows no error for long; this remembers the failure per segment instead, from the batch's own
 * outcome: a rollback marks the segment, a commit clears it. A failure older than {@link #FORGOTTEN_AFTER} with no
 * retry since is forgotten: the segment is then processed elsewhere (the processor retries a failing segment here
 * within a minute). Per batch: two callbacks; per event: one lookup in the batch's resources.
 */
@Component
class SegmentFailures implements MessageHandlerInterceptor<EventMessage<?>> {

    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(3);
    private static final String SEGMENT = "Processor[" + Projection.PROCESSOR + "]/SegmentId";
    private static final String WATCHED = SegmentFailures.class.getName();

    private final Clock clock;
    private final Map<Integer, Instant> lastFailure = new ConcurrentHashMap<>();

    SegmentFailures(Clock clock) {
        this.clock = clock;
    }

    @Bean
    static ConfigurerModule watchProjectionBatches(SegmentFailures failures) {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerHandlerInterceptor(Projection.PROCESSOR, configuration -> failures));
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        if (batch.resources().putIfAbsent(WATCHED, Boolean.TRUE) == null
                && batch.getResource(SEGMENT) instanceof Integer segment) {
            batch.onRollback(rolledBack -> lastFailure.put(segment, clock.instant()));
            batch.afterCommit(committed -> lastFailure.remove(segment));
        }
        return interceptorChain.proceed();
    }

    /** Segments whose last batch here failed, within {@link #FORGOTTEN_AFTER}. */
    int failing() {
        Instant since = clock.instant().minus(FORGOTTEN_AFTER);
        lastFailure.values().removeIf(failedAt -> failedAt.isBefore(since));
        return lastFailure.size();
    }
}
