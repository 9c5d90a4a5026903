package jp.iinj.eventfeeds.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.eventfeeds.support.EventFeedsIntegrationTest;
import jp.iinj.eventfeeds.support.TestPublicEvents;
import jp.iinj.testing.tokens.TestTokens;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live stream: a regional body sees its bureaus' events as they happen, and a client that reconnects with
 * Last-Event-ID gets what it missed, nothing twice.
 */
@EventFeedsIntegrationTest
class StreamIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STREAM = "/api/feeds/stream";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;
    @Autowired
    TestPublicEvents publish;

    private Flux<ServerSentEvent<String>> open(String token, String lastEventId) {
        return client.mutate().responseTimeout(WAIT).build().get().uri(STREAM)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(event -> event.event() != null);
    }

    private static String idOf(ServerSentEvent<String> event) {
        return JSON.readTree(event.data()).path("id").asString();
    }

    @Test
    void aRegionalBodyFollowsItsBureausEventsLiveAndResumesWithLastEventId() {
        String kyushu = TestTokens.regionalBody("kyushu");
        String caseId = "case-" + UUID.randomUUID();
        Flux<ServerSentEvent<String>> live = open(kyushu, null)
                .filter(event -> event.data().contains(caseId)).take(1).cache();
        live.subscribe();
        publish.caseQueued("case-" + UUID.randomUUID(), "chubu");
        String first = publish.caseQueued(caseId, "kyushu");

        ServerSentEvent<String> received = live.blockLast(WAIT);
        assertThat(idOf(received)).isEqualTo(first);
        assertThat(received.event()).isEqualTo("jp.iinj.coordination.case-queued.v1");
        assertThat(JSON.readTree(received.data()).path("bureau").asString()).isEqualTo("kyushu");

        // gone for a while: two more events, then back with the id of the last event it had
        String second = publish.caseEscalated(caseId, "kyushu");
        String third = publish.caseEscalated(caseId, "kyushu");
        List<String> resumed = open(kyushu, received.id()).filter(event -> event.data().contains(caseId))
                .take(2).map(StreamIT::idOf).collectList().block(WAIT);
        assertThat(resumed).containsExactly(second, third);
    }

    @Test
    void aStreamEndsWhenItsTokenDoesAndTheClientResumesWithANewOne() {
        String shortLived = TestTokens.ISSUER.token("regional-kyushu-" + UUID.randomUUID())
                .roles(jp.iinj.contracts.access.PlatformRole.REGIONAL_BODY).bureaus(List.of("kyushu"))
                .lifetime(Duration.ofSeconds(3)).sign();
        java.time.Instant opened = java.time.Instant.now();
        open(shortLived, null).blockLast(WAIT);
        assertThat(Duration.between(opened, java.time.Instant.now())).isLessThan(WAIT);
    }

    @Test
    void aBadLastEventIdIsAProblemAndOnlyRegionalBodiesAndAdministratorsStream() {
        client.get().uri(STREAM).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.regionalBody("kyushu"));
                    h.set("Last-Event-ID", "not a cursor");
                }).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(STREAM + "?from=1").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(TestTokens.regionalBody("kyushu"))).exchange()
                .expectStatus().isBadRequest();
        client.get().uri(STREAM).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf("org-1"))).exchange()
                .expectStatus().isForbidden();
    }
}
