package jp.iinj.identity.security;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the current {@code /api/identity/**} request (servlet: the security context is per thread). */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static PlatformPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return PlatformPrincipal.of(token.getToken());
        }
        throw new IllegalStateException("no token-authenticated caller");
    }
}
