package jp.iinj.memberregistry.registration;

import static jp.iinj.testing.kafka.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.testing.contracts.EventSchemaAssertions;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;

@MemberRegistryIntegrationTest
class RegistrationIT {

    @RegisterExtension
    static final TopicProbeExtension memberEvents = TopicProbeExtension.on(TopicCatalogue.MEMBER_EVENTS_V1.name());
    @RegisterExtension
    static final TopicProbeExtension memberContacts = TopicProbeExtension.on(TopicCatalogue.MEMBER_CONTACTS_V1.name());

    @Autowired
    WebTestClient http;

    @Test
    void registersAnOrganisationReadsItBackAndPublishesMemberRegistered() {
        String corporateNumber = TestCorporateNumbers.random();
        String correlationId = "it-" + UUID.randomUUID();

        var created = http.post().uri("/api/members/organisations")
                .header("X-Correlation-Id", correlationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("legalName", "株式会社北海精機", "organisationType", "SME",
                        "corporateNumber", corporateNumber, "prefectureCode", "01",
                        "owner", Map.of("displayName", "北海 一郎", "email", "ichiro@hokkai-seiki.example.jp")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/members/organisations/[0-9a-f-]{36}")
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody();

        assertThat(created.profile().legalName()).isEqualTo("株式会社北海精機");
        assertThat(created.profile().bureau()).isEqualTo("hokkaido");
        assertThat(created.status().name()).isEqualTo("APPLIED");
        String hokkaidoBureau = TestTokens.ISSUER.token("rb-1").roles(PlatformRole.REGIONAL_BODY)
                .bureaus(List.of("hokkaido")).sign();
        http.get().uri("/api/members/organisations/{id}", created.id()).headers(h -> h.setBearerAuth(hokkaidoBureau))
                .exchange()
                .expectStatus().isOk()
                .expectBody(OrganisationResponse.class).isEqualTo(created);

        var record = memberEvents.probe().awaitRecord(r -> created.id().equals(r.key()), Duration.ofSeconds(30));
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_source")).isEqualTo("/iinj/member-registry");
        assertThat(header(record, "ce_type")).isEqualTo("jp.iinj.membership.member-registered.v1");
        assertThat(header(record, "ce_subject")).isEqualTo(created.id());
        assertThat(header(record, "ce_time")).isEqualTo(created.registeredAt().toString());
        assertThat(header(record, "ce_dataschema"))
                .isEqualTo("https://iinj.jp/contracts/events/membership/member-registered.v1.schema.json");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_bureau")).isEqualTo("hokkaido");
        assertThat(header(record, "ce_prefecture")).isEqualTo("01");
        assertThat(header(record, "ce_correlationid")).isEqualTo(correlationId);
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_REGISTERED_V1, record.value());
        assertThat(TopicProbe.valueAsString(record)).contains("\"corporateNumber\":\"" + corporateNumber + "\"")
                .doesNotContain("ichiro@");

        var contact = memberContacts.probe().awaitRecord(r -> created.id().equals(r.key()), Duration.ofSeconds(30));
        assertThat(header(contact, "ce_type")).isEqualTo("jp.iinj.membership.owner-designated.v1");
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.OWNER_DESIGNATED_V1, contact.value());
        assertThat(TopicProbe.valueAsString(contact)).contains("\"email\":\"ichiro@hokkai-seiki.example.jp\"");
    }

    @Test
    void reportsItselfHealthyIncludingItsDatabase() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void answersAnUnknownOrganisationWithAProblem() {
        String admin = TestTokens.ISSUER.token("admin-1").roles(PlatformRole.ADMIN).sign();
        http.get().uri("/api/members/organisations/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/not-found");
    }
}
