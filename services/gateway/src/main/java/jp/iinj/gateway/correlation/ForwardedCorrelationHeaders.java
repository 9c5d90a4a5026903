package jp.iinj.gateway.correlation;

import jp.iinj.httpapi.core.correlation.CorrelationIds;
import jp.iinj.httpapi.correlation.RequestCorrelation;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Headers of a request forwarded to a service: {@code X-Correlation-Id} is the id {@code iinj-http-api} gave the
 * request (the caller's if it was sane, else a new one, never an unchecked caller value); {@code traceparent} is
 * passed through unchanged, or started here when the caller sent none. Everything else, {@code Authorization}
 * included, is forwarded as the gateway received it.
 */
@Component
class ForwardedCorrelationHeaders implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        String correlationId = RequestCorrelation.of(exchange).orElse(null);
        if (correlationId != null) {
            forwarded.set(CorrelationIds.HEADER, correlationId);
        }
        if (!forwarded.containsHeader(Traceparent.HEADER)) {
            forwarded.set(Traceparent.HEADER, Traceparent.start(correlationId));
        }
        return forwarded;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
