package jp.iinj.httpapi.correlation;

import java.util.Optional;
import java.util.UUID;

import jp.iinj.contracts.topics.CloudEventAttributes;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id of the request being served. {@link CorrelationIdWebFilter} puts it in the Reactor context
 * (and thereby in the logging MDC) and on the exchange; read it from there to pass it on, e.g. into the
 * {@code correlationid} attribute of the events a request causes.
 */
public final class RequestCorrelation {

    /** The HTTP header carrying the id into and out of every service. */
    public static final String HEADER = CloudEventAttributes.CORRELATION_ID_HTTP_HEADER;

    /** Reactor context key of the id; also the exchange attribute name. */
    public static final String CONTEXT_KEY = "jp.iinj.correlationId";

    /** Logging MDC key of the id; a field of every structured log line written while serving the request. */
    public static final String MDC_KEY = "correlationId";

    private RequestCorrelation() {
    }

    /** The id from the Reactor context, or a new one outside any request (e.g. a scheduled job). */
    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.just(
                context.<String>getOrEmpty(CONTEXT_KEY).orElseGet(RequestCorrelation::newId)));
    }

    /** The id the filter gave this exchange; empty only if the filter did not run. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(CONTEXT_KEY));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
