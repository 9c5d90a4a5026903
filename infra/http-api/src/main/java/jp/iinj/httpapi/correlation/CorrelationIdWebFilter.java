package jp.iinj.httpapi.correlation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} if it is a sane value, else the
 * trace id of a W3C {@code traceparent}, else a new UUID. Runs first so that everything after it, error
 * handling included, sees the id.
 */
class CorrelationIdWebFilter implements WebFilter, Ordered {

    // the id ends up in logs and response headers: no room for log forging or header injection
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    // version-trace_id-parent_id-flags; later versions may append fields
    private static final Pattern TRACEPARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    private static final String INVALID_VERSION = "ff";
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = correlationId(exchange.getRequest().getHeaders());
        exchange.getAttributes().put(RequestCorrelation.CONTEXT_KEY, id);
        exchange.getResponse().getHeaders().set(RequestCorrelation.HEADER, id);
        return chain.filter(exchange).contextWrite(context -> context.put(RequestCorrelation.CONTEXT_KEY, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String correlationId(HttpHeaders headers) {
        String given = headers.getFirst(RequestCorrelation.HEADER);
        if (given != null && SANE_ID.matcher(given).matches()) {
            return given;
        }
        String traceparent = headers.getFirst("traceparent");
        if (traceparent != null) {
            Matcher trace = TRACEPARENT.matcher(traceparent.trim());
            if (trace.matches() && !trace.group(1).equals(INVALID_VERSION) && !trace.group(2).equals(INVALID_TRACE_ID)) {
                return trace.group(2);
            }
        }
        return RequestCorrelation.newId();
    }
}
