package jp.iinj.memberregistry.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.testing.contracts.EventSchemaAssertions;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;

/** applied → active: who may approve, who may not even see, and the event it publishes. */
@MemberRegistryIntegrationTest
class ApprovalIT {

    @RegisterExtension
    static final TopicProbeExtension memberEvents = TopicProbeExtension.on(TopicCatalogue.MEMBER_EVENTS_V1.name());

    @Autowired
    WebTestClient http;

    @Test
    void aRegionalBodyOfTheBureauApprovesAndMemberApprovedIsPublished() {
        OrganisationResponse applied = registerInOsaka();
        String kinki = token("rb-kinki", PlatformRole.REGIONAL_BODY, List.of(), List.of("kinki"));

        var approved = approve(applied.id(), kinki).expectStatus().isOk()
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody();

        assertThat(approved.status().name()).isEqualTo("ACTIVE");
        assertThat(approved.approvedAt()).isNotNull();
        var record = memberEvents.probe().awaitRecord(r -> applied.id().equals(r.key())
                && TopicCatalogue.MEMBER_APPROVED_V1.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
        assertThat(TopicProbe.header(record, "ce_bureau")).isEqualTo("kinki");
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_APPROVED_V1, record.value());

        approve(applied.id(), kinki).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anAdministratorApprovesAnyBureau() {
        OrganisationResponse applied = registerInOsaka();

        approve(applied.id(), token("admin", PlatformRole.ADMIN, List.of(), List.of())).expectStatus().isOk();
    }

    @Test
    void nobodyElseApproves() {
        OrganisationResponse applied = registerInOsaka();

        approve(applied.id(), null).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        approve(applied.id(), "not-a-token").expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        approve(applied.id(), TestTokens.ISSUER.token("rb").roles(PlatformRole.REGIONAL_BODY).bureaus(List.of("kinki")).expired().sign())
                .expectStatus().isUnauthorized();
        // another bureau may not even know it exists
        approve(applied.id(), token("rb-kanto", PlatformRole.REGIONAL_BODY, List.of(), List.of("kanto")))
                .expectStatus().isNotFound();
        approve(applied.id(), token("other-member", PlatformRole.MEMBER, List.of("someone-else"), List.of())).expectStatus().isNotFound();
        // its own people see it but do not approve themselves
        approve(applied.id(), token("own-member", PlatformRole.MEMBER, List.of(applied.id()), List.of()))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a coordinator of the bureau sees it but does not approve
        approve(applied.id(), token("coordinator", PlatformRole.COORDINATOR, List.of(), List.of("kinki"))).expectStatus().isForbidden();
    }

    @Test
    void aRegionalBodysMachineClientNeitherApprovesNorReads() {
        OrganisationResponse applied = registerInOsaka();
        String machine = TestTokens.ISSUER.token("rb-client").roles(PlatformRole.REGIONAL_BODY).bureaus(List.of("kinki"))
                .machine().sign();

        approve(applied.id(), machine).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/members/organisations/{id}", applied.id()).headers(h -> h.setBearerAuth(machine))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        OrganisationResponse applied = registerInOsaka();
        String idToken = TestTokens.ISSUER.token("admin").roles(PlatformRole.ADMIN).type("JWT").sign();

        approve(applied.id(), idToken).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anotherMemberNeverSeesAnOrganisationsPrivateData() {
        OrganisationResponse applied = registerInOsaka();

        http.get().uri("/api/members/organisations/{id}", applied.id())
                .headers(h -> h.setBearerAuth(token("member-b", PlatformRole.MEMBER, List.of("member-b-org"), List.of())))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/members/organisations/{id}", applied.id())
                .headers(h -> h.setBearerAuth(token("member-a", PlatformRole.MEMBER, List.of(applied.id()), List.of())))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.owner.email").isEqualTo("jiro@osaka-kogyo.example.jp");
        http.get().uri("/api/members/organisations/{id}", applied.id()).exchange().expectStatus().isUnauthorized();
    }

    private OrganisationResponse registerInOsaka() {
        return http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"legalName\":\"大阪工業株式会社\",\"organisationType\":\"SME\",\"corporateNumber\":\""
                        + TestCorporateNumbers.random() + "\",\"prefectureCode\":\"27\","
                        + "\"owner\":{\"displayName\":\"大阪 次郎\",\"email\":\"jiro@osaka-kogyo.example.jp\"}}")
                .exchange().expectStatus().isCreated()
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec approve(String organisationId, String token) {
        return http.post().uri("/api/members/organisations/{id}/approval", organisationId)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange();
    }

    private static String token(String subject, PlatformRole role, List<String> memberIds, List<String> bureaus) {
        return TestTokens.ISSUER.token(subject).roles(role).memberIds(memberIds).bureaus(bureaus).sign();
    }
}
