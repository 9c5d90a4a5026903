package jp.iinj.gateway.correlation;

import java.util.function.Consumer;
import java.util.regex.Pattern;

import jp.iinj.gateway.support.Echo;
import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Correlation ids and W3C trace context from the caller through the gateway to the service and back. */
class CorrelationIT extends GatewayTestSupport {

    private static final String CORRELATION_ID = "X-Correlation-Id";
    private static final String TRACEPARENT = "traceparent";
    private static final Pattern W3C_TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void givenIdIsForwardedAndEchoedOnce() {
        EntityExchangeResult<Echo> result = get(headers -> headers.set(CORRELATION_ID, "demo-1"));

        assertThat(result.getResponseHeaders().get(CORRELATION_ID)).containsExactly("demo-1");
        assertThat(result.getResponseBody().headerValues(CORRELATION_ID)).containsExactly("demo-1");
    }

    @Test
    void missingIdIsGeneratedForwardedAndEchoed() {
        EntityExchangeResult<Echo> result = get(headers -> { });

        String generated = result.getResponseHeaders().getFirst(CORRELATION_ID);
        assertThat(generated).isNotBlank();
        assertThat(result.getResponseHeaders().get(CORRELATION_ID)).hasSize(1);
        assertThat(result.getResponseBody().headerValues(CORRELATION_ID)).containsExactly(generated);
    }

    @Test
    void insaneIdIsReplacedNotForwarded() {
        EntityExchangeResult<Echo> result = get(headers -> headers.set(CORRELATION_ID, "evil id\" injected"));

        String replaced = result.getResponseHeaders().getFirst(CORRELATION_ID);
        assertThat(replaced).isNotEqualTo("evil id\" injected").matches("[A-Za-z0-9._-]+");
        assertThat(result.getResponseBody().headerValues(CORRELATION_ID)).containsExactly(replaced);
    }

    @Test
    void traceparentIsPassedThroughUnchanged() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EntityExchangeResult<Echo> result = get(headers -> {
            headers.set(TRACEPARENT, traceparent);
            headers.set("tracestate", "vendor=value");
        });

        Echo echo = result.getResponseBody();
        assertThat(echo.headerValues(TRACEPARENT)).containsExactly(traceparent);
        assertThat(echo.header("tracestate")).isEqualTo("vendor=value");
        // without X-Correlation-Id, the trace id is the correlation id (iinj-http-api)
        assertThat(result.getResponseHeaders().getFirst(CORRELATION_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(echo.header(CORRELATION_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void missingTraceparentIsStartedWithTheCorrelationIdAsTraceId() {
        EntityExchangeResult<Echo> result = get(headers -> { });

        String traceparent = result.getResponseBody().header(TRACEPARENT);
        assertThat(traceparent).matches(W3C_TRACEPARENT);
        String correlationId = result.getResponseHeaders().getFirst(CORRELATION_ID);
        assertThat(traceparent.substring(3, 35)).isEqualTo(correlationId.replace("-", ""));
    }

    @Test
    void problemsCarryTheIdToo() {
        client().get().uri("/api/members/organisations/3f0c")
                .header(CORRELATION_ID, "demo-401")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(CORRELATION_ID, "demo-401")
                .expectBody().jsonPath("$.correlationId").isEqualTo("demo-401");
    }

    private EntityExchangeResult<Echo> get(Consumer<HttpHeaders> headers) {
        return client().get().uri("/api/members/organisations/3f0c")
                .header(HttpHeaders.AUTHORIZATION, bearer(token("correlation-user", "MEMBER")))
                .headers(headers)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult();
    }
}
