package jp.iinj.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamFailuresTest {

    private final DownstreamFailures failures = new DownstreamFailures();
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/x"));

    @Test
    void unreachableServicesAreUnavailable() {
        assertThat(type(new ConnectException("Connection refused: localhost/127.0.0.1:8101")))
                .contains(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(type(new ConnectTimeoutException("connection timed out"))).contains(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(type(new IllegalStateException(new UnknownHostException("member-registry"))))
                .contains(ProblemType.SERVICE_UNAVAILABLE);
    }

    @Test
    void hangUpsAndTimeouts() {
        assertThat(type(PrematureCloseException.TEST_EXCEPTION)).contains(ProblemType.BAD_GATEWAY);
        assertThat(type(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout")))
                .contains(ProblemType.GATEWAY_TIMEOUT);
    }

    @Test
    void detailsNameNoHosts() {
        ProblemException problem = failures.translate(new ConnectException("Connection refused: localhost/127.0.0.1:8101"),
                exchange).orElseThrow();
        assertThat(problem.detail()).doesNotContain("127.0.0.1", "8101");
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertThat(type(new IllegalStateException("bug"))).isEmpty();
        assertThat(type(new ResponseStatusException(HttpStatus.BAD_REQUEST))).isEmpty();
    }

    private Optional<ProblemType> type(Throwable error) {
        return failures.translate(error, exchange).map(ProblemException::type);
    }
}
