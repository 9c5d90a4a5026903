package jp.iinj.gateway.problems;

import java.util.UUID;

import jp.iinj.gateway.support.GatewayTestSupport;
import jp.iinj.testing.web.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's raw requests to the gateway (Reactor Netty refuses them before any filter runs): the status Reactor
 * Netty chose, now as a problem, and nothing forwarded.
 */
class ServerRefusalsIT extends GatewayTestSupport {

    private static final String PATH = "/api/members/organisations";

    @Test
    void anOversizedCorrelationIdIs431() {
        assertRefused(RawHttp.oversizedHeader(PATH), 431);
    }

    @Test
    void anOversizedUrlIs414() {
        assertRefused(RawHttp.oversizedUrl(PATH), 414);
    }

    @Test
    void aNulOrABareCrInAHeaderIs400() {
        assertRefused(RawHttp.nulInHeader(PATH), 400);
        assertRefused(RawHttp.bareCrInHeader(PATH), 400);
    }

    @Test
    void anUnknownTransferCodingIs400() {
        assertRefused(RawHttp.unknownTransferCoding(PATH), 400);
    }

    private void assertRefused(String request, int status) {
        int forwardedBefore = MEMBER_REGISTRY.received().size();
        RawHttp.Response response = RawHttp.send(port, request);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        String correlationId = response.header("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId).toString()).isEqualTo(correlationId);
        assertThat(response.json().get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(MEMBER_REGISTRY.received()).hasSize(forwardedBefore);
    }
}
