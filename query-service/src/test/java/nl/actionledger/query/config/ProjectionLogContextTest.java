package nl.actionledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import nl.actionledger.support.observe.LogContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ProjectionLogContextTest {

    @Test
    void whileAnEventIsHandledTheLogContextNamesItsRequestAndActor() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage("changed")
                .andMetaData(MetaData.with("actor", "coordinator").and("correlationId", "monitoring-2026-q4"));
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        Map<String, String> seen = new HashMap<>();

        new ProjectionLogContext.EventLogContext().handle(unitOfWork, () -> {
            seen.put("correlationId", MDC.get(LogContext.CORRELATION_ID));
            seen.put("actor", MDC.get(LogContext.ACTOR));
            return null;
        });
        unitOfWork.rollback();

        assertThat(seen).containsEntry("correlationId", "monitoring-2026-q4").containsEntry("actor", "coordinator");
        assertThat(MDC.get(LogContext.CORRELATION_ID)).isNull();
        assertThat(MDC.get(LogContext.ACTOR)).isNull();
    }
}
