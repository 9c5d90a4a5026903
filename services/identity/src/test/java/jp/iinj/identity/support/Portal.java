package jp.iinj.identity.support;

import java.net.URI;
import java.net.http.HttpRequest;
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

import static org.assertj.core.api.Assertions.assertThat;
import jp.iinj.testing.web.Browser;

/**
 * What the web portal and its user do, over real HTTP: authorization request with PKCE (S256), the login page and
 * its CSRF token, the form post, the redirect with the code, the token request with the code verifier.
 */
public final class Portal {

    public static final String CLIENT_ID = "iinj-portal";
    public static final String REDIRECT_URI = "http://127.0.0.1:8100/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    public Portal(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Signs in and returns the token response; fails the test if any step does not go as it should. */
    public Tokens signIn(String email, String password) {
        return trySignIn(email, password).orElseThrow(() -> new AssertionError("sign-in of " + email + " refused"));
    }

    /** Empty when the login form answers with an error (wrong password, locked, pending, …). */
    public Optional<Tokens> trySignIn(String email, String password) {
        Browser browser = new Browser();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        String authorize = baseUrl + "/oauth2/authorize?" + Browser.form(orderedMap(
                "response_type", "code",
                "client_id", CLIENT_ID,
                "redirect_uri", REDIRECT_URI,
                "scope", "openid profile",
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));

        HttpResponse<String> toLogin = browser.get(authorize);
        assertThat(toLogin.statusCode()).as("authorization request without session").isEqualTo(302);
        String loginUrl = absolute(toLogin.headers().firstValue("Location").orElseThrow());
        assertThat(loginUrl).endsWith("/login");

        HttpResponse<String> loginPage = browser.get(loginUrl);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String csrf = csrfToken(loginPage.body());

        HttpResponse<String> afterLogin = browser.postForm(loginUrl,
                orderedMap("username", email, "password", password, "_csrf", csrf));
        assertThat(afterLogin.statusCode()).as("login form answer").isEqualTo(302);
        String next = absolute(afterLogin.headers().firstValue("Location").orElseThrow());
        if (next.contains("/login?error")) {
            return Optional.empty();
        }
        assertThat(next).contains("/oauth2/authorize");

        HttpResponse<String> withCode = browser.get(next);
        assertThat(withCode.statusCode()).as("authorization after login").isEqualTo(302);
        URI callback = URI.create(withCode.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(REDIRECT_URI);
        Map<String, String> query = query(callback);
        assertThat(query).containsEntry("state", state);
        String code = query.get("code");
        assertThat(code).as("authorization code in " + callback).isNotBlank();

        HttpResponse<String> tokenResponse = exchange(code, verifier);
        assertThat(tokenResponse.statusCode()).as("token response " + tokenResponse.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(tokenResponse.body());
        return Optional.of(new Tokens(tokens.get("access_token").asString(), tokens.get("id_token").asString()));
    }

    /** The token request of the flow, with any verifier (tests give wrong ones too). */
    public HttpResponse<String> exchange(String code, String verifier) {
        return new Browser().send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(orderedMap(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", REDIRECT_URI,
                        "client_id", CLIENT_ID,
                        "code_verifier", verifier))))
                .build());
    }

    /** Tokens of a signed-in person. */
    public record Tokens(String accessToken, String idToken) {
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : baseUrl + location;
    }

    static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("CSRF token on the login page").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return values;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
