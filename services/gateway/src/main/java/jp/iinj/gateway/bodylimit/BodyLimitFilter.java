package jp.iinj.gateway.bodylimit;

import java.util.concurrent.atomic.AtomicLong;

import jp.iinj.httpapi.core.problems.LimitProblems;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.gateway.problems.GatewayProblemFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * Request body limits, unlike the stock {@code RequestSize} filter also for bodies without {@code Content-Length}:
 * a declared length over the limit is refused before anything is forwarded; otherwise the body is streamed to the
 * service while its bytes are counted, and the exchange fails with 413 as soon as the count passes the limit
 * (the service sees its request aborted).
 */
@Component
class BodyLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

    private final BodyLimitProperties properties;

    BodyLimitFilter(BodyLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        DataSize limit = properties.limitFor(route == null ? null : route.getId());
        long maxBytes = limit.toBytes();
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(LimitProblems.bodyTooLarge(limit));
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong received = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        ProblemException problem = LimitProblems.bodyTooLarge(limit);
                        // the routing filter reports the aborted upstream request in its own terms; this is the cause
                        exchange.getAttributes().put(GatewayProblemFilter.REFUSAL_ATTRIBUTE, problem);
                        sink.error(problem);
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
