package jp.iinj.memberregistry.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import jp.iinj.testing.web.RawHttp;
import jp.iinj.testing.web.RawHttp.Probe;

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

    @ParameterizedTest
    @EnumSource(Probe.class)
    void whatTheServerRefusesOnItsOwnIsAProblem(Probe probe) {
        RawHttp.send(port, probe.request(PATH)).assertProblem(switch (probe) {
            case OVERSIZED_HEADER -> 431;
            case OVERSIZED_URL -> 414;
            default -> 400;
        });
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
