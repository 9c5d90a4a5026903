package jp.iinj.endtoend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway, the platform's only entrance in these tests: API calls with or without a bearer token, no cookies,
 * no redirects followed.
 */
public final class FrontDoor {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public FrontDoor(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    public Answer put(String path, String token, String json, Map<String, String> headers) {
        return send("PUT", path, token, json, headers);
    }

    public Answer send(String method, String path, String token, String json) {
        return send(method, path, token, json, "application/json", Map.of());
    }

    /**
     * @param body        the request body (UTF-8), or {@code null} for none
     * @param contentType its media type, e.g. {@code text/csv} for a member import
     */
    public Answer send(String method, String path, String token, String body, String contentType) {
        return send(method, path, token, body, contentType, Map.of());
    }

    /** A JSON body with more request headers, e.g. {@code If-Match}, {@code Idempotency-Key}. */
    public Answer send(String method, String path, String token, String json, Map<String, String> headers) {
        return send(method, path, token, json, "application/json", headers);
    }

    /**
     * @param token       an access token, or {@code null} for an anonymous request
     * @param body        the request body (UTF-8), or {@code null} for none
     * @param contentType its media type
     * @param headers     more request headers
     */
    public Answer send(String method, String path, String token, String body, String contentType,
                       Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                // JSON first, like the portal; anything else rather than a 406 (actuator/prometheus is text)
                .header("Accept", "application/json, application/problem+json, */*;q=0.1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
