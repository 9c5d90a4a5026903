package jp.iinj.httpapi.servlet;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import jp.iinj.httpapi.servlet.testapp.ServletHttpApiTest;
import jp.iinj.testing.web.RawHttp;
import jp.iinj.testing.web.RawHttp.Probe;

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

    @ParameterizedTest
    @EnumSource(Probe.class)
    void whatTomcatRefusesIsABadRequestProblem(Probe probe) {
        RawHttp.Response response = RawHttp.send(port, probe.request("/test/correlation")).assertProblem(400);
        assertThat(response.json().get("detail").asString()).isEqualTo(probe == Probe.UNKNOWN_TRANSFER_CODING
                ? "The request's transfer coding is not supported."
                : "The request line or headers are malformed or too large.");
        String correlationId = response.header("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId).toString()).isEqualTo(correlationId);
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "Exception");
    }

    @Test
    void theCallersCorrelationIdIsKeptWhereTomcatReadIt() {
        RawHttp.Response response = RawHttp.send(port, "GET /test/correlation HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Correlation-Id: probe-17\r\nX-Probe: a\u0000b\r\n\r\n").assertProblem(400);
        assertThat(response.header("X-Correlation-Id")).isEqualTo("probe-17");
    }
}
