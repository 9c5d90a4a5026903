package jp.iinj.gateway.routing;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services the address the caller used ({@code X-Forwarded-Host/Proto/Port/For}), so that identity's
 * redirects (to the login page, back to the client) point at the gateway, not at the service. The gateway is the
 * front door and trusts no proxy before it: whatever forwarding headers a caller sent are replaced, never passed on
 * (the address a trusted forwarder, the portal, names is the one exception: {@link ClientAddress}).
 * (The stock XForwardedHeadersFilter only runs with {@code trusted-proxies} set, and then keeps callers' values.)
 */
@Component
class EdgeForwardedHeaders implements HttpHeadersFilter {

    private final ClientAddress clientAddress;

    EdgeForwardedHeaders(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    private static final List<String> CALLER_FORWARDING = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-Port", "X-Forwarded-For", "X-Forwarded-Prefix", "X-Forwarded-Ssl");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        CALLER_FORWARDING.forEach(forwarded::remove);
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null && !host.isBlank()) {
            forwarded.set("X-Forwarded-Host", host);
        }
        forwarded.set("X-Forwarded-Proto", uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        forwarded.set("X-Forwarded-Port", Integer.toString(port));
        String caller = clientAddress.of(exchange);
        if (caller != null) {
            forwarded.set("X-Forwarded-For", caller);
        }
        return forwarded;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
