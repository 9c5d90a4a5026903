package jp.iinj.httpapi.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jp.iinj.httpapi.core.headers.SecurityHeaders;

/**
 * Sets {@code Content-Security-Policy} and {@code Referrer-Policy} as {@link SecurityHeaders} says, before anything
 * else runs, where they are not set already; a handler may still replace them ({@code setHeader}). Error dispatches
 * are filtered again: an error page may start from a reset response.
 */
class SecurityHeadersServletFilter extends OncePerRequestFilter implements Ordered {

    private final SecurityHeaders headers;

    SecurityHeadersServletFilter(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.forPath(request.getRequestURI()).forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    public int getOrder() {
        // right after the correlation id, before the body limit and Spring Security
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
