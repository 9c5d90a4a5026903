package jp.iinj.httpapi.core.headers;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code Content-Security-Policy} and {@code Referrer-Policy} of a service's responses
 * ({@code iinj.http-api.security-headers.*}). The defaults fit a JSON API: it loads nothing, is framed by nobody and
 * sends no referrer. A service that serves HTML pages names their paths and the policy they need.
 *
 * @param contentSecurityPolicy for every response outside {@code pages}
 * @param referrerPolicy        for every response outside {@code pages}, and for pages that name none
 * @param pages                 paths that serve pages, with their own policy
 */
@ConfigurationProperties("iinj.http-api.security-headers")
public record SecurityHeadersProperties(
        @DefaultValue(SecurityHeaders.API_CONTENT_SECURITY_POLICY) String contentSecurityPolicy,
        @DefaultValue(SecurityHeaders.NO_REFERRER) String referrerPolicy,
        @DefaultValue List<Page> pages) {

    /**
     * @param paths                 path patterns ({@code /login}, {@code /swagger-ui/**})
     * @param contentSecurityPolicy what the page needs, e.g. its own stylesheet and form target
     * @param referrerPolicy        null: the service's
     */
    public record Page(List<String> paths, String contentSecurityPolicy, String referrerPolicy) {
    }
}
