package jp.iinj.httpapi.server;

import java.util.UUID;

import jp.iinj.httpapi.testapp.HttpApiTest;
import jp.iinj.testing.web.RawHttp;
import org.junit.jupiter.api.Test;

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

    @Test
    void anOversizedCorrelationIdHeaderIs431() {
        assertProblem(RawHttp.send(port, RawHttp.oversizedHeader("/test/correlation")), 431,
                "The request headers are larger than the server accepts.");
    }

    @Test
    void anOversizedUrlIs414() {
        assertProblem(RawHttp.send(port, RawHttp.oversizedUrl("/test/correlation")), 414,
                "The request URI is longer than the server accepts.");
    }

    @Test
    void aNulOrABareCrInAHeaderIs400() {
        assertProblem(RawHttp.send(port, RawHttp.nulInHeader("/test/correlation")), 400,
                "The request line or headers are malformed or too large.");
        assertProblem(RawHttp.send(port, RawHttp.bareCrInHeader("/test/correlation")), 400,
                "The request line or headers are malformed or too large.");
    }

    @Test
    void anUnknownTransferCodingIs400() {
        assertProblem(RawHttp.send(port, RawHttp.unknownTransferCoding("/test/registrations")), 400,
                "The request line or headers are malformed or too large.");
    }

    @Test
    void theCallersCorrelationIdIsKeptWhereNettyReadIt() {
        RawHttp.Response response = RawHttp.send(port, "GET /test/correlation HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Correlation-Id: probe-17\r\nX-Probe: a\u0000b\r\n\r\n");
        assertThat(response.header("X-Correlation-Id")).isEqualTo("probe-17");
        assertThat(response.json().get("correlationId").asString()).isEqualTo("probe-17");
    }

    @Test
    void wellFormedRequestsOnTheSameServerAreUntouched() {
        RawHttp.Response response = RawHttp.send(port, "GET /test/correlation HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    static void assertProblem(RawHttp.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
        String correlationId = response.header("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId).toString()).isEqualTo(correlationId);
        assertThat(response.json().get("correlationId").asString()).isEqualTo(correlationId);
    }
}
