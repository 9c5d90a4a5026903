package jp.iinj.httpapi.core.problems;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * What every service and the gateway answer when Spring Security refuses a request, on either stack: 401 with the
 * RFC 6750 challenge, 403, 503 when tokens cannot be checked at all, 400 for a request its firewall rejects. Each
 * stack's security adapter writes these; the wording and the challenges are decided only here.
 */
public final class AccessProblems {

    static final String TOKEN_REQUIRED = "An access token is required.";
    static final String TOKEN_REFUSED = "The access token is invalid or expired.";
    static final String ROLE_LACKING = "This role may not do that.";
    static final String ORIGIN_REFUSED = "Cross-origin requests from this origin are not allowed.";

    private static final String BEARER = "Bearer";
    private static final String RETRY_UNCHECKABLE_AFTER_SECONDS = "5";

    private AccessProblems() {
    }

    /**
     * 401. A presented token that was refused gets {@code error="invalid_token"} (RFC 6750 §3.1); a request without
     * one a bare {@code Bearer} challenge. Details stay generic: whether a token expired, carried an unknown key id or
     * a bad signature is for the logs, not for whoever holds the token.
     *
     * @param failure       Spring Security's reason, may be null
     * @param authorization the request's {@code Authorization} header, may be null
     */
    public static ProblemException unauthorized(Throwable failure, String authorization) {
        boolean tokenRefused = bearerToken(authorization) || invalidToken(failure);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? BEARER + " error=\"invalid_token\"" : BEARER);
        return new ProblemException(ProblemType.UNAUTHORIZED, tokenRefused ? TOKEN_REFUSED : TOKEN_REQUIRED, headers);
    }

    /** 403: a valid token without a role (or authority) this request needs. */
    public static ProblemException forbidden() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, BEARER + " error=\"insufficient_scope\"");
        return new ProblemException(ProblemType.FORBIDDEN, ROLE_LACKING, headers);
    }

    /** 503: the issuer's keys cannot be fetched, so no token can be checked; the client may try again shortly. */
    public static ProblemException tokensUncheckable() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_UNCHECKABLE_AFTER_SECONDS);
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "Access tokens cannot be verified right now. Try again later.", headers);
    }

    /**
     * 403 for a cross-origin request (or its preflight) from an origin the CORS configuration does not list. No
     * {@code WWW-Authenticate}: no token would change the answer.
     */
    public static ProblemException originRefused() {
        return new ProblemException(ProblemType.FORBIDDEN, ORIGIN_REFUSED);
    }

    /** 400: Spring Security's firewall refused the request (path traversal, encoded slashes, odd headers, ...). */
    public static ProblemException requestRejected() {
        return new ProblemException(ProblemType.INVALID_REQUEST, "The request path or headers are not allowed.");
    }

    private static boolean bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER + " ", 0, BEARER.length() + 1);
    }

    private static boolean invalidToken(Throwable failure) {
        OAuth2AuthenticationException oauth2 = FailureProblems.causeOfType(failure, OAuth2AuthenticationException.class);
        return oauth2 != null && OAuth2ErrorCodes.INVALID_TOKEN.equals(oauth2.getError().getErrorCode());
    }
}
