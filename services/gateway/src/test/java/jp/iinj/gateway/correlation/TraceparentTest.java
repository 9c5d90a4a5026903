package jp.iinj.gateway.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceparentTest {

    private static final String FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-00";

    @Test
    void startsAW3cTraceparent() {
        assertThat(Traceparent.start(null)).matches(FORMAT);
        assertThat(Traceparent.start(null)).isNotEqualTo(Traceparent.start(null));
    }

    @Test
    void traceIdIsTheCorrelationIdWhenItCanBe() {
        assertThat(Traceparent.start("4bf92f35-77b3-4da6-a3ce-929d0e0e4736"))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(Traceparent.start("4BF92F3577B34DA6A3CE929D0E0E4736"))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    @Test
    void otherCorrelationIdsGetARandomTraceId() {
        assertThat(Traceparent.traceId("demo-1")).matches("[0-9a-f]{32}");
        assertThat(Traceparent.traceId("0".repeat(32))).isNotEqualTo("0".repeat(32));
    }
}
