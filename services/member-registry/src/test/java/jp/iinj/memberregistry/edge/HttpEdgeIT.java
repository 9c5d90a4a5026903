package jp.iinj.memberregistry.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import jp.iinj.testing.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's findings about the member registry called directly: the answers Reactor Netty gives on its own are
 * problems, and every answer carries a Content-Security-Policy and a Referrer-Policy.
 */
@MemberRegistryIntegrationTest
class HttpEdgeIT {

    private static final String PATH = "/api/members/organisations";

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"oversized X-Correlation-Id, 431", "oversized URL, 414", "NUL in a header, 400",
            "bare CR in a header, 400", "Transfer-Encoding: xchunked, 400"})
    void whatTheServerRefusesOnItsOwnIsAProblem(String probe, int status) {
        String request = switch (probe) {
            case "oversized X-Correlation-Id" -> RawHttp.oversizedHeader(PATH);
            case "oversized URL" -> RawHttp.oversizedUrl(PATH);
            case "NUL in a header" -> RawHttp.nulInHeader(PATH);
            case "bare CR in a header" -> RawHttp.bareCrInHeader(PATH);
            default -> RawHttp.unknownTransferCoding(PATH);
        };
        RawHttp.Response response = RawHttp.send(port, request);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("correlationId").asString()).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void answersAndProblemsCarryTheSecurityHeaders() {
        for (String path : new String[] {"/api/members/clusters", PATH + "/3f0c"}) {
            http.get().uri(path).exchange()
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        }
    }
}
