package jp.iinj.businessmatching.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.testing.tokens.TestTokens;

/** Publishes profiles through the API, as a member's people do. */
@TestComponent
public class TestProfiles {

    private final WebTestClient client;

    public TestProfiles(WebTestClient client) {
        this.client = client;
    }

    /** Drafts and publishes a profile for the member; returns its id. */
    public String published(String memberId, String type, Map<String, Object> content) {
        String token = TestTokens.memberOf(memberId);
        Map<?, ?> draft = client.post().uri("/api/matching/profiles").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", memberId, "type", type, "content", content))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) draft.get("id");
        client.post().uri("/api/matching/profiles/{id}/publication", id).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk();
        return id;
    }

    public static Map<String, Object> offer(Map<String, String> title, Map<String, String> summary, String field,
                                            List<String> partnership) {
        return Map.of("title", title, "summary", summary, "technologyFields", List.of(field),
                "stage", "ON_THE_MARKET", "ipStatus", "PATENT_GRANTED", "partnershipTypes", partnership,
                "targetRegions", List.of("nationwide"));
    }

    public static Map<String, Object> request(Map<String, String> title, Map<String, String> summary, String field,
                                              List<String> partnership) {
        return Map.of("title", title, "summary", summary, "technologyFields", List.of(field),
                "partnershipTypes", partnership, "targetRegions", List.of("nationwide"));
    }
}
