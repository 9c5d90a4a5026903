package jp.iinj.httpapi.problems;

import java.util.List;

import jp.iinj.httpapi.core.problems.Problem;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Problem responses for failures that never reach the dispatcher's controller advice, e.g. thrown by a
 * {@code WebFilter}. Ordered before Boot's {@code ErrorWebExceptionHandler} (-1), whose JSON has another shape.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    static final int ORDER = -2;

    private final ProblemMapper problems;
    private final ServerResponse.Context context;

    ProblemWebExceptionHandler(ProblemMapper problems, List<HttpMessageWriter<?>> messageWriters) {
        this.problems = problems;
        this.context = new WritersOnly(messageWriters);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ResponseEntity<ProblemDetail> problem = problems.toResponse(error, exchange);
        return ServerResponse.status(problem.getStatusCode())
                .headers(headers -> headers.addAll(problem.getHeaders()))
                .bodyValue(problem.getBody())
                .flatMap(response -> response.writeTo(exchange, context));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private record WritersOnly(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

        @Override
        public List<ViewResolver> viewResolvers() {
            return List.of();
        }
    }
}
