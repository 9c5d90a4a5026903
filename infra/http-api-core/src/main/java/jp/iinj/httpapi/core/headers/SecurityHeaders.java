package jp.iinj.httpapi.core.headers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which {@code Content-Security-Policy} and {@code Referrer-Policy} a response gets, decided once for every stack:
 * each adapter's filter sets them on every response that does not carry them already (a handler, or a service behind
 * the gateway, may send its own).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String REFERRER_POLICY = "Referrer-Policy";
    /** JSON answers load nothing, run nothing and may not be framed. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String NO_REFERRER = "no-referrer";

    private final Map<String, String> service;
    private final List<Page> pages;

    public SecurityHeaders(SecurityHeadersProperties properties) {
        this.service = Map.of(CONTENT_SECURITY_POLICY, properties.contentSecurityPolicy(),
                REFERRER_POLICY, properties.referrerPolicy());
        this.pages = properties.pages().stream()
                .map(page -> new Page(page.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                        Map.of(CONTENT_SECURITY_POLICY, page.contentSecurityPolicy(), REFERRER_POLICY,
                                Optional.ofNullable(page.referrerPolicy()).orElse(properties.referrerPolicy()))))
                .toList();
    }

    /** The headers for a response to this request path (raw, as received). */
    public Map<String, String> forPath(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return pages.stream()
                .filter(page -> page.paths().stream().anyMatch(pattern -> pattern.matches(container)))
                .map(Page::headers)
                .findFirst()
                .orElse(service);
    }

    private record Page(List<PathPattern> paths, Map<String, String> headers) {
    }
}
