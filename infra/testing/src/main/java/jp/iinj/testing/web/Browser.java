package jp.iinj.testing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's browser over real HTTP: keeps its cookies (the sign-in session) and follows no redirects, so a test
 * follows them one by one and sees each. Every request times out after 30 s.
 */
public final class Browser {

    private final Map<String, String> headers;

    public Browser() {
        this(Map.of());
    }

    /** @param headers sent with every request built here, e.g. the {@code X-Forwarded-For} a proxy would add */
    public Browser(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml").GET());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** The token endpoint, as the portal's JavaScript calls it. */
    public HttpResponse<String> postTokenRequest(String url, Map<String, String> form) {
        return send(tokenRequest(url, form));
    }

    /** The token endpoint with client authentication ({@code Authorization: Basic ...}). */
    public HttpResponse<String> postTokenRequest(String url, Map<String, String> form, String authorization) {
        return send(tokenRequest(url, form).header("Authorization", authorization));
    }

    /** Any request, with this browser's cookies and the 30 s timeout. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        return send(request.timeout(REQUEST_TIMEOUT).build());
    }

    /** A request built by the caller, timeout included, with this browser's cookies. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code application/x-www-form-urlencoded}, in the map's order. */
    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpRequest.Builder tokenRequest(String url, Map<String, String> form) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    }
}
