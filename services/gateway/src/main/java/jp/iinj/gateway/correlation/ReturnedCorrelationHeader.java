package jp.iinj.gateway.correlation;

import jp.iinj.httpapi.core.correlation.CorrelationIds;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A service's response: its {@code X-Correlation-Id} is dropped, because the gateway's response carries the
 * request's id already (the gateway adds the service's headers to its own, which would send the id twice).
 */
@Component
class ReturnedCorrelationHeader implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (!input.containsHeader(CorrelationIds.HEADER)
                || !exchange.getResponse().getHeaders().containsHeader(CorrelationIds.HEADER)) {
            return input;
        }
        HttpHeaders returned = HttpHeaders.copyOf(input);
        returned.remove(CorrelationIds.HEADER);
        return returned;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
