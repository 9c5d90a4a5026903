package jp.iinj.httpapi.correlation;

import java.util.Map;
import java.util.UUID;

import jp.iinj.httpapi.testapp.HttpApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@HttpApiTest
class CorrelationIdTest {

    private static final String HEADER = "X-Correlation-Id";

    @Autowired
    WebTestClient client;

    @Test
    void saneGivenIdIsKeptAndReachesContextAndMdc() {
        Map<String, String> seen = probe(client.get().uri("/test/correlation").header(HEADER, "web-7f3a.B_2"));

        assertThat(seen).containsEntry(HEADER, "web-7f3a.B_2")
                .containsEntry("fromContext", "web-7f3a.B_2")
                .containsEntry("fromMdc", "web-7f3a.B_2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "new\\nline", "{\"json\":1}", "ＩＤ"})
    void insaneGivenIdIsReplaced(String given) {
        Map<String, String> seen = probe(client.get().uri("/test/correlation").header(HEADER, given));

        assertThat(seen.get(HEADER)).isNotEqualTo(given);
        assertGenerated(seen.get(HEADER));
        assertThat(seen.get("fromMdc")).isEqualTo(seen.get(HEADER));
    }

    @Test
    void overlongGivenIdIsReplaced() {
        String longest = "a".repeat(128);
        assertThat(probe(client.get().uri("/test/correlation").header(HEADER, longest)).get(HEADER)).isEqualTo(longest);
        assertGenerated(probe(client.get().uri("/test/correlation").header(HEADER, longest + "a")).get(HEADER));
    }

    @Test
    void traceIdOfTraceparentIsUsedWhenNoIdIsGiven() {
        Map<String, String> seen = probe(client.get().uri("/test/correlation")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        assertThat(seen).containsEntry(HEADER, "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("fromMdc", "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-XYZ-00f067aa0ba902b7-01"})
    void invalidTraceparentIsIgnored(String traceparent) {
        assertGenerated(probe(client.get().uri("/test/correlation").header("traceparent", traceparent)).get(HEADER));
    }

    @Test
    void givenIdWinsOverTraceparent() {
        assertThat(probe(client.get().uri("/test/correlation").header(HEADER, "given-1")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).get(HEADER))
                .isEqualTo("given-1");
    }

    @Test
    void idIsGeneratedWhenNothingIsGiven() {
        Map<String, String> first = probe(client.get().uri("/test/correlation"));
        Map<String, String> second = probe(client.get().uri("/test/correlation"));

        assertGenerated(first.get(HEADER));
        assertThat(first.get("fromContext")).isEqualTo(first.get(HEADER));
        assertThat(second.get(HEADER)).isNotEqualTo(first.get(HEADER));
    }

    @Test
    void problemResponsesCarryTheGivenId() {
        client.get().uri("/test/nowhere").header(HEADER, "lost-1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HEADER, "lost-1")
                .expectBody().jsonPath("$.correlationId").isEqualTo("lost-1");
        client.get().uri("/test/filter-failure").header(HEADER, "broken-1").exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().valueEquals(HEADER, "broken-1")
                .expectBody().jsonPath("$.correlationId").isEqualTo("broken-1");
    }

    @Test
    void currentOutsideARequestIsANewId() {
        StepVerifier.create(RequestCorrelation.current()).assertNext(CorrelationIdTest::assertGenerated).verifyComplete();
        StepVerifier.create(RequestCorrelation.current().contextWrite(Context.of(RequestCorrelation.CONTEXT_KEY, "job-1")))
                .expectNext("job-1").verifyComplete();
    }

    /** The probe's view of the id (context, MDC) plus the response header. */
    private static Map<String, String> probe(WebTestClient.RequestHeadersSpec<?> request) {
        EntityExchangeResult<Map<String, String>> result = request.exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { })
                .returnResult();
        Map<String, String> seen = new java.util.HashMap<>(result.getResponseBody());
        seen.put(HEADER, result.getResponseHeaders().getFirst(HEADER));
        return seen;
    }

    private static void assertGenerated(String id) {
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
}
