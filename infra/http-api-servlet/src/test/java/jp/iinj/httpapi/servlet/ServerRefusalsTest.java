package jp.iinj.httpapi.servlet;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import jp.iinj.httpapi.servlet.testapp.ServletHttpApiTest;
import jp.iinj.testing.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses on its own, before any servlet runs, sent as raw bytes (no client sends such requests): a
 * problem, never Tomcat's HTML page. Tomcat does not tell an oversized header or URI from a malformed one (400 for
 * all); its 501 for an unknown transfer coding is answered 400, as RFC 9112 §6.3 asks.
 */
@ServletHttpApiTest
class ServerRefusalsTest {

    @LocalServerPort
    int port;

    @Test
    void anOversizedCorrelationIdHeader() {
        assertProblem(RawHttp.send(port, RawHttp.oversizedHeader("/test/correlation")), 400,
                "The request line or headers are malformed or too large.");
    }

    @Test
    void anOversizedUrl() {
        assertProblem(RawHttp.send(port, RawHttp.oversizedUrl("/test/correlation")), 400,
                "The request line or headers are malformed or too large.");
    }

    @Test
    void aNulOrABareCrInAHeader() {
        assertProblem(RawHttp.send(port, RawHttp.nulInHeader("/test/correlation")), 400,
                "The request line or headers are malformed or too large.");
        assertProblem(RawHttp.send(port, RawHttp.bareCrInHeader("/test/correlation")), 400,
                "The request line or headers are malformed or too large.");
    }

    @Test
    void anUnknownTransferCoding() {
        assertProblem(RawHttp.send(port, RawHttp.unknownTransferCoding("/test/registrations")), 400,
                "The request's transfer coding is not supported.");
    }

    @Test
    void theCallersCorrelationIdIsKeptWhereTomcatReadIt() {
        RawHttp.Response response = RawHttp.send(port, "GET /test/correlation HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Correlation-Id: probe-17\r\nX-Probe: a\u0000b\r\n\r\n");
        assertThat(response.header("X-Correlation-Id")).isEqualTo("probe-17");
        assertThat(response.json().get("correlationId").asString()).isEqualTo("probe-17");
    }

    static void assertProblem(RawHttp.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
        String correlationId = response.header("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId).toString()).isEqualTo(correlationId);
        assertThat(response.json().get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "Exception");
    }
}
