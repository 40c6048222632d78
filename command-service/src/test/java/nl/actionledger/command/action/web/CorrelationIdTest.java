package nl.actionledger.command.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.actionledger.support.observe.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdTest {

    @AfterEach
    void clearLogContext() {
        MDC.clear();
    }

    @Test
    void aRequestWithoutAnIdRecordsTheOneItsLogLinesCarry() {
        MDC.put(LogContext.CORRELATION_ID, "generated-for-the-request");

        assertThat(CorrelationId.resolve(null)).isEqualTo("generated-for-the-request");
        assertThat(CorrelationId.resolve(" ")).isEqualTo("generated-for-the-request");
    }

    @Test
    void theClientsIdIsKeptAndABadOneRefused() {
        MDC.put(LogContext.CORRELATION_ID, "generated-for-the-request");

        assertThat(CorrelationId.resolve("monitoring-2026-q4")).isEqualTo("monitoring-2026-q4");
        assertThatThrownBy(() -> CorrelationId.resolve("line\nbreak"))
                .isInstanceOf(CorrelationId.InvalidCorrelationIdException.class);
    }

    @Test
    void outsideARequestANewIdIsMade() {
        assertThat(CorrelationId.resolve(null)).matches("[0-9a-f-]{36}");
    }
}
