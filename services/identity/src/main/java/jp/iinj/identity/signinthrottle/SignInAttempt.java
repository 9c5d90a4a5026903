package jp.iinj.identity.signinthrottle;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jp.iinj.identity.accounts.Emails;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UrlPathHelper;

/**
 * Who tries to sign in, as the throttle counts it: the client address (behind the gateway, the caller's address it
 * forwards; {@code null} if unknown) and, where the request names one, the account e-mail (form login) or the machine client that presents a
 * secret (token endpoint). A public client's code exchange names no secret: only its address is counted, so that
 * nobody can block the portal's client for everyone.
 */
public record SignInAttempt(String address, Optional<String> account, Optional<String> client) {

    static final String FORM_LOGIN = "/login";
    /** Spring Authorization Server's endpoints that authenticate clients. */
    static final Set<String> CLIENT_AUTHENTICATION = Set.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke");

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    /** A form login with this e-mail (as typed: it is normalised here, as the accounts normalise it). */
    public static SignInAttempt formLogin(String address, String email) {
        return new SignInAttempt(address, Optional.ofNullable(email).map(Emails::normalise).filter(value -> !value.isEmpty()),
                Optional.empty());
    }

    /** A person at the sign-in form (rather than a client authenticating). */
    static boolean isFormLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && FORM_LOGIN.equals(PATHS.getPathWithinApplication(request));
    }

    /** The sign-in attempt a request makes, if it makes one: {@code POST /login} or a client authentication. */
    static Optional<SignInAttempt> of(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = PATHS.getPathWithinApplication(request);
        if (FORM_LOGIN.equals(path)) {
            return Optional.of(formLogin(request.getRemoteAddr(), request.getParameter("username")));
        }
        if (CLIENT_AUTHENTICATION.contains(path)) {
            return Optional.of(clientAuthentication(request));
        }
        return Optional.empty();
    }

    /** A client authenticating with a secret (HTTP Basic or {@code client_secret} in the form) is counted by its id. */
    static SignInAttempt clientAuthentication(HttpServletRequest request) {
        Optional<String> client = basicClientId(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (client.isEmpty() && request.getParameter("client_secret") != null) {
            client = Optional.ofNullable(request.getParameter("client_id")).filter(id -> !id.isBlank());
        }
        return new SignInAttempt(request.getRemoteAddr(), Optional.empty(), client);
    }

    /** What the throttle counts, each against its own limit. */
    List<ThrottledKey> keys() {
        List<ThrottledKey> keys = new ArrayList<>();
        if (address != null) {
            keys.add(new ThrottledKey(ThrottledKey.Kind.ADDRESS, address));
        }
        account.ifPresent(email -> keys.add(new ThrottledKey(ThrottledKey.Kind.ACCOUNT, email)));
        client.ifPresent(id -> keys.add(new ThrottledKey(ThrottledKey.Kind.CLIENT, id)));
        return keys;
    }

    // RFC 6749 2.3.1: Basic base64(urlencode(client_id) ":" urlencode(secret))
    private static Optional<String> basicClientId(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBasic) {
            return Optional.empty();
        }
    }
}
