package jp.iinj.eventfeeds.support;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A regional body's calls to the subscriptions API, as its systems would make them. */
public final class Subscriber {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final String token;

    public Subscriber(WebTestClient client, String token) {
        this.client = client;
        this.token = token;
    }

    /** Subscribes with these fields (sink, types, filters…); returns the answer: id, secret and the rest. */
    public JsonNode subscribe(Map<String, Object> fields) {
        byte[] body = client.post().uri("/api/feeds/subscriptions").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(fields).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    public JsonNode subscribe(URI sink, List<String> types) {
        return subscribe(Map.of("sink", sink.toString(), "protocol", "HTTP", "types", types));
    }

    public JsonNode read(String id) {
        return JSON.readTree(client.get().uri("/api/feeds/subscriptions/" + id).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    public JsonNode deliveries(String id) {
        return JSON.readTree(client.get().uri("/api/feeds/subscriptions/" + id + "/deliveries?limit=200")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody()).path("deliveries");
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/feeds/subscriptions/" + path)
                .headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** An answer's JSON body. */
    public static JsonNode json(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody().returnResult().getResponseBody());
    }

    public void unsubscribe(String id) {
        client.delete().uri("/api/feeds/subscriptions/" + id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
    }
}
