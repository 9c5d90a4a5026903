package jp.iinj.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security headers added to every response that does not carry them already (a service behind the gateway may set
 * its own, e.g. a page-specific {@code Content-Security-Policy}).
 *
 * @param contentSecurityPolicy CSP for pages the gateway serves itself (Swagger UI needs inline styles and
 *                              {@code data:} images, nothing from other origins)
 * @param referrerPolicy        {@code Referrer-Policy}, e.g. {@code strict-origin-when-cross-origin} or {@code no-referrer}
 */
@ConfigurationProperties("iinj.gateway.headers")
public record SecurityHeadersProperties(
        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'") String contentSecurityPolicy,
        @DefaultValue("strict-origin-when-cross-origin") ReferrerPolicy referrerPolicy) {
}
