package jp.iinj.httpapi.core.correlation;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theCallersSaneIdWinsThenTheTraceIdThenANewUuid() {
        assertThat(CorrelationIds.of("order-42.retry_1", TRACEPARENT)).isEqualTo("order-42.retry_1");
        assertThat(CorrelationIds.of("x\r\nSet-Cookie: a=b", TRACEPARENT)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        String generated = CorrelationIds.of("a".repeat(129), "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(UUID.fromString(generated).toString()).isEqualTo(generated);
    }

    @Test
    void headerAndLogKeyAreThePlatformsOwn() {
        assertThat(CorrelationIds.HEADER).isEqualTo("X-Correlation-Id");
        assertThat(CorrelationIds.MDC_KEY).isEqualTo("correlationId");
    }
}
