package jp.iinj.httpapi.server;

import java.util.UUID;

import jp.iinj.httpapi.testapp.HttpApiTest;
import jp.iinj.testing.web.RawHttp;
import jp.iinj.testing.web.RawHttp.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Reactor Netty refuses on its own, before WebFlux sees the request, sent as raw bytes (no client sends such
 * requests): the status Reactor Netty chose, as a problem instead of its empty body.
 */
@HttpApiTest
class ServerRefusalsTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Probe.class)
    void whatNettyRefusesIsAProblemWithNettysStatus(Probe probe) {
        int status = switch (probe) {
            case OVERSIZED_HEADER -> 431;
            case OVERSIZED_URL -> 414;
            default -> 400;
        };
        RawHttp.Response response = RawHttp.send(port, probe.request("/test/correlation")).assertProblem(status);
        assertThat(response.json().get("detail").asString()).isEqualTo(switch (status) {
            case 431 -> "The request headers are larger than the server accepts.";
            case 414 -> "The request URI is longer than the server accepts.";
            default -> "The request line or headers are malformed or too large.";
        });
        String correlationId = response.header("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId).toString()).isEqualTo(correlationId);
    }

    @Test
    void theCallersCorrelationIdIsKeptWhereNettyReadIt() {
        RawHttp.Response response = RawHttp.send(port, "GET /test/correlation HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Correlation-Id: probe-17\r\nX-Probe: a\u0000b\r\n\r\n").assertProblem(400);
        assertThat(response.header("X-Correlation-Id")).isEqualTo("probe-17");
    }

    @Test
    void wellFormedRequestsOnTheSameServerAreUntouched() {
        RawHttp.Response response = RawHttp.send(port, "GET /test/correlation HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }
}
