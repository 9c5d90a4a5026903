package jp.iinj.gateway.problems;

import jp.iinj.gateway.support.GatewayTestSupport;
import jp.iinj.testing.web.RawHttp;
import jp.iinj.testing.web.RawHttp.Probe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's raw requests to the gateway (Reactor Netty refuses them before any filter runs): the status Reactor
 * Netty chose (431 headers, 414 URL, 400 the rest), now as a problem, and nothing forwarded.
 */
class ServerRefusalsIT extends GatewayTestSupport {

    @ParameterizedTest
    @EnumSource(Probe.class)
    void whatNettyRefusesIsAProblemAndNeverForwarded(Probe probe) {
        int forwardedBefore = MEMBER_REGISTRY.received().size();
        RawHttp.send(port, probe.request("/api/members/organisations")).assertProblem(switch (probe) {
            case OVERSIZED_HEADER -> 431;
            case OVERSIZED_URL -> 414;
            default -> 400;
        });
        assertThat(MEMBER_REGISTRY.received()).hasSize(forwardedBefore);
    }
}
