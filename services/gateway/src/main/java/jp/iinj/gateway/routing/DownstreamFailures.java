package jp.iinj.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.gateway.problems.ProblemTranslator;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A service behind a route that cannot be reached, closes the connection or answers too late: 503, 502 or 504
 * problems instead of the gateway's default 500, without naming hosts or ports.
 */
@Component
class DownstreamFailures implements ProblemTranslator {

    private static final int MAX_CAUSE_DEPTH = 16;

    @Override
    public Optional<ProblemException> translate(Throwable error, ServerWebExchange exchange) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            // ConnectException covers refused connections and Netty's connect timeouts
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NotFoundException) {
                return Optional.of(problem(ProblemType.SERVICE_UNAVAILABLE,
                        "The service behind this path cannot be reached right now. Try again later.", error));
            }
            if (cause instanceof PrematureCloseException) {
                return Optional.of(problem(ProblemType.BAD_GATEWAY,
                        "The service behind this path closed the connection without a complete answer.", error));
            }
            if (cause instanceof ResponseStatusException status && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return Optional.of(problem(ProblemType.GATEWAY_TIMEOUT,
                        "The service behind this path did not answer in time.", error));
            }
        }
        return Optional.empty();
    }

    private static ProblemException problem(ProblemType type, String detail, Throwable cause) {
        return new ProblemException(type, detail, new HttpHeaders(), cause);
    }
}
