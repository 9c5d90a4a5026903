package jp.iinj.httpapi.servlet;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jp.iinj.httpapi.core.problems.RequestBodyTooLargeException;

/**
 * Request bodies over {@code iinj.http-api.servlet.body-limit.max-size} are answered 413 before they are parsed,
 * whether the length is declared or the body is chunked: a declared length at once, a streamed body as soon as the
 * count passes the limit ({@link RequestBodyTooLargeException}, which the message converter wraps and the advice
 * answers). The servlet stack's counterpart of WebFlux's codec limit.
 */
class RequestBodyLimitServletFilter extends OncePerRequestFilter implements Ordered {

    private final DataSize maxSize;
    private final List<PathPattern> paths;
    private final ServletProblemWriter problems;

    RequestBodyLimitServletFilter(RequestBodyLimitProperties properties, ServletProblemWriter problems) {
        this.maxSize = properties.maxSize();
        this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return paths.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxSize.toBytes()) {
            problems.write(new RequestBodyTooLargeException(maxSize), request, response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxSize), response);
    }

    @Override
    public int getOrder() {
        // right after the correlation id, before Spring Security
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final DataSize maxSize;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, DataSize maxSize) {
            super(request);
            this.maxSize = maxSize;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingInputStream(super.getInputStream(), maxSize);
            }
            return limited;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final DataSize maxSize;
        private final long maxBytes;
        private long count;

        CountingInputStream(ServletInputStream in, DataSize maxSize) {
            this.in = in;
            this.maxSize = maxSize;
            this.maxBytes = maxSize.toBytes();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > maxBytes) {
                throw new RequestBodyTooLargeException(maxSize);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (count += n) > maxBytes) {
                throw new RequestBodyTooLargeException(maxSize);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
