package jp.iinj.httpapi.servlet;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdServletFilterTest {

    private final CorrelationIdServletFilter filter = new CorrelationIdServletFilter();

    @Test
    void aSaneIdIsKeptEchoedAndInTheMdcDuringTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/identity/x");
        request.addHeader("X-Correlation-Id", "order-42.retry_1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> inMdc = new AtomicReference<>();

        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
        }, (req, res, chain) -> inMdc.set(MDC.get("correlationId"))));

        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("order-42.retry_1");
        assertThat(inMdc.get()).isEqualTo("order-42.retry_1");
        assertThat(MDC.get("correlationId")).isNull();
    }

    @Test
    void anInsaneIdIsReplacedByTheTraceIdOrANewOne() {
        MockHttpServletRequest forged = new MockHttpServletRequest();
        forged.addHeader("X-Correlation-Id", "x\r\nSet-Cookie: a=b");
        forged.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        MockHttpServletRequest tooLong = new MockHttpServletRequest();
        tooLong.addHeader("X-Correlation-Id", "a".repeat(129));
        MockHttpServletRequest invalidTrace = new MockHttpServletRequest();
        invalidTrace.addHeader("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(CorrelationIdServletFilter.correlationId(forged)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        // new ids are UUIDs, as on every stack
        assertGenerated(CorrelationIdServletFilter.correlationId(tooLong));
        assertGenerated(CorrelationIdServletFilter.correlationId(invalidTrace));
        assertThat(CorrelationIdServletFilter.correlationId(invalidTrace)).isNotEqualTo("0".repeat(32));
    }

    private static void assertGenerated(String id) {
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
}
