package jp.iinj.identity.correlation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jp.iinj.httpapi.core.correlation.IncomingCorrelation;

/**
 * Gives every request a correlation id, with the same rules as the WebFlux services ({@code infra/http-api}): the
 * caller's {@code X-Correlation-Id} if it is 1–128 characters of {@code [A-Za-z0-9._-]}, else the trace id of a valid
 * W3C {@code traceparent} (one rule, {@link IncomingCorrelation}), else a new random id. The id is echoed in the response header, kept in the MDC as
 * {@code correlationId} for the request's thread, and as a request attribute for error handling. Runs before
 * Spring Security, so that 401/403 answers carry it too.
 */
@Component
public class CorrelationIdFilter extends OncePerRequestFilter implements Ordered {


    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = correlationId(request);
        request.setAttribute(RequestCorrelation.ATTRIBUTE, id);
        response.setHeader(RequestCorrelation.HEADER, id);
        String previous = MDC.get(RequestCorrelation.MDC_KEY);
        MDC.put(RequestCorrelation.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(RequestCorrelation.MDC_KEY);
            } else {
                MDC.put(RequestCorrelation.MDC_KEY, previous);
            }
        }
    }

    /** Error dispatches (to {@code /error}) keep the id of the original request. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static String correlationId(HttpServletRequest request) {
        Object existing = request.getAttribute(RequestCorrelation.ATTRIBUTE);
        if (existing instanceof String id) {
            return id;
        }
        return IncomingCorrelation.from(request.getHeader(RequestCorrelation.HEADER), request.getHeader("traceparent"))
                .orElseGet(RequestCorrelation::newId);
    }
}
