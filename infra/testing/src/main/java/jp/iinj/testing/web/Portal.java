package jp.iinj.testing.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the web portal and its user do to get tokens, over real HTTP: the authorization request with PKCE (S256), the
 * login page and its CSRF token, the form post, the redirect with the code, and the token request with the code
 * verifier ({@code iinj-portal} is a public client; {@link #withClientSecret} makes it the portal's server side,
 * which authenticates with its secret and gets refresh tokens). Against identity directly or through the gateway: the
 * base URL says which. Any step that does not go as a browser expects fails with the answer it got.
 */
public final class Portal {

    public static final String CLIENT_ID = "iinj-portal";

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String redirectUri;
    /** HTTP Basic of the portal's id and secret; null for the public client */
    private final String clientAuthorization;
    private final Map<String, String> headers;

    /**
     * @param baseUrl     where the authorization and token endpoints are, e.g. the gateway
     * @param redirectUri the portal's redirect URI as identity has it registered
     */
    public Portal(String baseUrl, String redirectUri) {
        this(baseUrl, redirectUri, null, Map.of());
    }

    private Portal(String baseUrl, String redirectUri, String clientAuthorization, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.redirectUri = redirectUri;
        this.clientAuthorization = clientAuthorization;
        this.headers = headers;
    }

    /** The same portal authenticating with its secret at the token endpoint (HTTP Basic): it gets refresh tokens. */
    public Portal withClientSecret(String clientSecret) {
        return new Portal(baseUrl, redirectUri, basic(CLIENT_ID, clientSecret), headers);
    }

    /**
     * The same portal used from another client address, as the gateway forwards it ({@code X-Forwarded-For}), so
     * that identity counts this user's failed sign-ins apart from other tests'.
     */
    public Portal fromAddress(String clientAddress) {
        return new Portal(baseUrl, redirectUri, clientAuthorization, Map.of("X-Forwarded-For", clientAddress));
    }

    /** The portal as users reach it: through the gateway, whose {@code /callback} is the registered redirect URI. */
    public static Portal throughGateway(String gatewayUrl) {
        return new Portal(gatewayUrl, gatewayUrl + "/callback");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String redirectUri() {
        return redirectUri;
    }

    /**
     * The tokens of a sign-in: the access token for APIs, the ID token for the portal itself, the refresh token
     * (empty for the public client, which gets none).
     */
    public record Tokens(String accessToken, String idToken, String refreshToken) {
    }

    /** A browser that signed in: its tokens, and its sign-in session at identity (a cookie). */
    public final class Session {

        private final Browser browser;
        private final Tokens tokens;

        private Session(Browser browser, Tokens tokens) {
            this.browser = browser;
            this.tokens = tokens;
        }

        public Tokens tokens() {
            return tokens;
        }

        /** Whether identity still knows the sign-in: a new authorization request gets a code without the login page. */
        public boolean stillSignedIn() {
            HttpResponse<String> answer = browser.get(authorizationRequest(randomUrlSafe(32), randomUrlSafe(16)));
            String location = expectRedirect(answer, "an authorization request of a signed-in browser");
            if (location.startsWith(redirectUri)) {
                return true;
            }
            require(URI.create(absolute(location)).getPath().equals("/login"),
                    "the authorization request goes to the redirect URI or to /login", answer);
            return false;
        }
    }

    /** Signs in; fails when the login is refused or any step goes wrong. */
    public Tokens signIn(String email, String password) {
        return signInWithSession(email, password).tokens();
    }

    /** Signs in and keeps the browser, to ask later whether the sign-in session still holds. */
    public Session signInWithSession(String email, String password) {
        return trySignInWithSession(email, password)
                .orElseThrow(() -> new AssertionError("Sign-in of " + email + " refused"));
    }

    /** Empty when the login form answers with an error (wrong password, locked, pending, …). */
    public Optional<Tokens> trySignIn(String email, String password) {
        return trySignInWithSession(email, password).map(Session::tokens);
    }

    private Optional<Session> trySignInWithSession(String email, String password) {
        Browser browser = new Browser(headers);
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        String authorize = authorizationRequest(verifier, state);

        HttpResponse<String> toLogin = browser.get(authorize);
        String loginUrl = absolute(expectRedirect(toLogin, "the authorization request without a session"));
        require(URI.create(loginUrl).getPath().equals("/login"), "the authorization request redirects to /login", toLogin);

        HttpResponse<String> loginPage = browser.get(loginUrl);
        require(loginPage.statusCode() == 200, "the login page answers 200", loginPage);
        Optional<String> csrf = csrfToken(loginPage.body());
        require(csrf.isPresent(), "the login page has a _csrf field", loginPage);

        HttpResponse<String> afterLogin = browser.postForm(loginUrl, loginForm(email, password, csrf.get()));
        String next = absolute(expectRedirect(afterLogin, "the login form"));
        if (next.contains("/login?error")) {
            return Optional.empty();
        }
        require(next.contains("/oauth2/authorize"), "the login form sends the browser back to /oauth2/authorize", afterLogin);

        HttpResponse<String> withCode = browser.get(next);
        URI callback = URI.create(expectRedirect(withCode, "the authorization request after the login"));
        require(callback.toString().startsWith(redirectUri), "the code goes to the portal's redirect URI", withCode);
        Map<String, String> query = query(callback);
        require(state.equals(query.get("state")), "the state comes back unchanged", withCode);
        String code = query.get("code");
        require(code != null && !code.isBlank(), "the redirect carries a code", withCode);

        HttpResponse<String> tokenResponse = exchange(code, verifier);
        require(tokenResponse.statusCode() == 200, "the token request answers 200", tokenResponse);
        JsonNode tokens = JSON.readTree(tokenResponse.body());
        String accessToken = tokens.path("access_token").asString("");
        String idToken = tokens.path("id_token").asString("");
        require(!accessToken.isBlank() && !idToken.isBlank(), "the token response has an access_token and an id_token",
                tokenResponse);
        return Optional.of(new Session(browser, new Tokens(accessToken, idToken,
                tokens.path("refresh_token").asString(""))));
    }

    private String authorizationRequest(String verifier, String state) {
        return baseUrl + "/oauth2/authorize?" + Browser.form(ordered(
                "response_type", "code",
                "client_id", CLIENT_ID,
                "redirect_uri", redirectUri,
                "scope", "openid profile",
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
    }

    /** The token request of the flow, with any verifier (tests give wrong ones too). */
    public HttpResponse<String> exchange(String code, String verifier) {
        Map<String, String> form = ordered(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", redirectUri,
                "client_id", CLIENT_ID,
                "code_verifier", verifier);
        return clientAuthorization == null
                ? new Browser(headers).postTokenRequest(baseUrl + "/oauth2/token", form)
                : new Browser(headers).postTokenRequest(baseUrl + "/oauth2/token", form, clientAuthorization);
    }

    /** The refresh-token grant, as the portal's server side sends it (needs {@link #withClientSecret}). */
    public HttpResponse<String> refresh(String refreshToken) {
        if (clientAuthorization == null) {
            throw new IllegalStateException("the public portal has no refresh tokens: use withClientSecret");
        }
        return new Browser(headers).postTokenRequest(baseUrl + "/oauth2/token",
                ordered("grant_type", "refresh_token", "refresh_token", refreshToken), clientAuthorization);
    }

    /** The access token of a successful token response; fails with the answer otherwise. */
    public static String accessTokenOf(HttpResponse<String> tokenResponse) {
        require(tokenResponse.statusCode() == 200, "the token request answers 200", tokenResponse);
        return JSON.readTree(tokenResponse.body()).path("access_token").asString("");
    }

    /** A machine's token: client credentials (HTTP Basic) at the token endpoint. */
    public String clientCredentials(String clientId, String clientSecret, String scope) {
        HttpResponse<String> tokenResponse = new Browser(headers).postTokenRequest(baseUrl + "/oauth2/token",
                ordered("grant_type", "client_credentials", "scope", scope), basic(clientId, clientSecret));
        require(tokenResponse.statusCode() == 200, "the client credentials token request answers 200", tokenResponse);
        String accessToken = JSON.readTree(tokenResponse.body()).path("access_token").asString("");
        require(!accessToken.isBlank(), "the token response has an access_token", tokenResponse);
        return accessToken;
    }

    /** The CSRF token a login page carries in its {@code _csrf} field. */
    public static Optional<String> csrfToken(String loginPage) {
        Matcher csrf = CSRF.matcher(loginPage);
        return csrf.find() ? Optional.of(csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : Optional.empty();
    }

    /** The login form's fields, in the order a browser sends them. */
    public static Map<String, String> loginForm(String email, String password, String csrfToken) {
        return ordered("username", email, "password", password, "_csrf", csrfToken);
    }

    private static String basic(String clientId, String clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** The PKCE S256 code challenge of a verifier. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random bytes, base64url without padding: verifiers, states, made-up tokens. */
    public static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The decoded query parameters of a URI, in order. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String expectRedirect(HttpResponse<String> response, String step) {
        require(response.statusCode() == 302 || response.statusCode() == 303, step + " answers a redirect", response);
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError(step + ": redirect without Location: " + describe(response)));
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : baseUrl + location;
    }

    private static void require(boolean condition, String expectation, HttpResponse<String> response) {
        if (!condition) {
            throw new AssertionError("Sign-in: expected " + expectation + ", got " + describe(response));
        }
    }

    private static String describe(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return response.request().method() + " " + response.uri() + " -> " + response.statusCode()
                + " Location=" + response.headers().firstValue("Location").orElse("-") + " "
                + (body.length() > 400 ? body.substring(0, 400) + " ..." : body);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
