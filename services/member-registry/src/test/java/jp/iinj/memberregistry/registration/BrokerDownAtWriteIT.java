package jp.iinj.memberregistry.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.StandaloneKafkaBroker;
import jp.iinj.testing.kafka.TopicProbe;

/**
 * The broker is away when an organisation registers: the registration still succeeds (the event waits in the
 * outbox), and the event is delivered once a broker answers on the configured address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iinj.eventing.outbox.max-backoff=1s",
        "iinj.eventing.outbox.initial-backoff=200ms"})
@AutoConfigureWebTestClient
class BrokerDownAtWriteIT {

    private static final int BROKER_PORT = StandaloneKafkaBroker.freePort();
    private static StandaloneKafkaBroker broker;

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + BROKER_PORT);
        properties.add("spring.mongodb.uri", () -> TestInfrastructure.shared().mongoUri("broker-down-at-write"));
        properties.add("spring.mongodb.database", () -> "broker-down-at-write");
        TestTokens.register(properties);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRegistrationMadeWhileTheBrokerIsDownIsDeliveredWhenItReturns() {
        var created = http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("legalName", "株式会社停電", "organisationType", "SME",
                        "corporateNumber", TestCorporateNumbers.random(), "prefectureCode", "40",
                        "owner", Map.of("displayName", "九州 次郎", "email", "jiro@example.jp")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody();

        broker = StandaloneKafkaBroker.startOnPort(BROKER_PORT);
        try (var probe = TopicProbe.subscribe(broker.bootstrapServers(), TopicCatalogue.MEMBER_EVENTS_V1.name())) {
            var record = probe.awaitRecord(r -> created.id().equals(r.key()), Duration.ofSeconds(90));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(TopicCatalogue.MEMBER_REGISTERED_V1.type());
            assertThat(TopicProbe.header(record, "ce_bureau")).isEqualTo("kyushu");
        }
    }
}
