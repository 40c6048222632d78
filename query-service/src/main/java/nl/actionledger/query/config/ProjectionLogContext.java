package nl.actionledger.query.config;

import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.query.Projection;
import nl.actionledger.support.observe.LogContext;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While the projections handle an event, the logging context (MDC) names the request that caused it: the correlation
 * id and the actor from the event's metadata, where command-service put them. A log line of projection work can so be
 * found from the request's own lines. Per event: two metadata lookups and two MDC entries.
 */
@Configuration
class ProjectionLogContext {

    @Bean
    ConfigurerModule eventLogContext() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerHandlerInterceptor(Projection.PROCESSOR, configuration -> new EventLogContext()));
    }

    static final class EventLogContext implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            MetaData metaData = unitOfWork.getMessage().getMetaData();
            put(LogContext.CORRELATION_ID, metaData.get(EventMetadataKeys.CORRELATION_ID));
            put(LogContext.ACTOR, metaData.get(EventMetadataKeys.ACTOR));
            try {
                return interceptorChain.proceed();
            } finally {
                MDC.remove(LogContext.CORRELATION_ID);
                MDC.remove(LogContext.ACTOR);
            }
        }

        private static void put(String key, Object value) {
            if (value instanceof String text) {
                MDC.put(key, text);
            }
        }
    }
}
