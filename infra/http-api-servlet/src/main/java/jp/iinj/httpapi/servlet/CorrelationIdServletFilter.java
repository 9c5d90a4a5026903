package jp.iinj.httpapi.servlet;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jp.iinj.httpapi.core.correlation.CorrelationIds;

/**
 * Gives every request of a Spring MVC service its correlation id ({@link CorrelationIds}: the caller's sane
 * {@code X-Correlation-Id}, else the trace id of a W3C {@code traceparent}, else a new UUID). The id is echoed in the
 * response header, kept in the MDC for the request's thread, and left as a request attribute for error handling
 * ({@link #of}). Runs first, before Spring Security, so that 401/403 answers carry it too.
 */
public class CorrelationIdServletFilter extends OncePerRequestFilter implements Ordered {

    /** Request attribute holding the id, for code that runs outside the filter's MDC scope (the error dispatch). */
    public static final String ATTRIBUTE = CorrelationIdServletFilter.class.getName() + ".id";

    /** The id the filter gave this request; empty only if the filter did not run. */
    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = correlationId(request);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(CorrelationIds.HEADER, id);
        String previous = MDC.get(CorrelationIds.MDC_KEY);
        MDC.put(CorrelationIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationIds.MDC_KEY);
            } else {
                MDC.put(CorrelationIds.MDC_KEY, previous);
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
        return of(request).orElseGet(() -> CorrelationIds.of(request.getHeader(CorrelationIds.HEADER),
                request.getHeader(CorrelationIds.TRACEPARENT_HEADER)));
    }
}
