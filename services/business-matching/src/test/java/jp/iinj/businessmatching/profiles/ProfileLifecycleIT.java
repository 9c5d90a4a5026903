package jp.iinj.businessmatching.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.businessmatching.support.BusinessMatchingIntegrationTest;
import jp.iinj.businessmatching.support.TestMembers;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.testing.tokens.TestTokens;

/**
 * A profile from draft to withdrawal through the API, with the rules on who acts, what publishing needs, what other
 * members see (never the owner) and what a suspension does (at once).
 */
@BusinessMatchingIntegrationTest
class ProfileLifecycleIT {

    @RegisterExtension
    static final TopicProbeExtension MATCHING_EVENTS = TopicProbeExtension.on(TopicCatalogue.MATCHING_EVENTS_V1.name());

    @Autowired
    WebTestClient client;
    @Autowired
    TestMembers members;

    @Test
    void aMemberDraftsEditsAndPublishesAndOthersSeeItWithoutTheOwner() {
        String owner = members.active("岐阜精密工業株式会社", OrganisationType.SME, "21", "chubu");
        String other = members.active("Other Co", OrganisationType.UNIVERSITY, "13", "kanto");

        var draft = draft(owner, TestTokens.memberOf(owner), "TECHNOLOGY_OFFER", Map.of("title", Map.of("ja", "精密切削加工")));
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(((Map<?, ?>) draft.get("createdBy")).get("role")).isEqualTo("MEMBER");
        String id = (String) draft.get("id");

        client.put().uri("/api/matching/profiles/{id}/content", id).headers(h -> h.setBearerAuth(TestTokens.memberOf(owner)))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).bodyValue(completeOffer())
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");

        var published = post("/api/matching/profiles/{id}/publication", id, TestTokens.memberOf(owner), HttpStatus.OK);
        assertThat(published.get("status")).isEqualTo("PUBLISHED");
        assertThat(published.get("expiresOn")).isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusMonths(12).toString());

        var event = MATCHING_EVENTS.probe().awaitRecord(record -> id.equals(record.key()), Duration.ofSeconds(30));
        assertThat(TopicProbe.header(event, "ce_type")).isEqualTo(TopicCatalogue.PROFILE_PUBLISHED_V1.type());
        assertThat(TopicProbe.header(event, "ce_bureau")).isEqualTo("chubu");
        assertThat(new String(event.value(), StandardCharsets.UTF_8))
                .contains("metal-processing").doesNotContain(owner).doesNotContain("岐阜精密").doesNotContain("精密切削");

        String seenByOther = client.get().uri("/api/matching/profiles/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(other))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(seenByOther).contains("精密切削加工").contains("\"organisationType\":\"SME\"")
                .contains("\"bureau\":\"chubu\"").doesNotContain(owner).doesNotContain("岐阜精密")
                .doesNotContain("example.jp").doesNotContain("createdBy");

        client.put().uri("/api/matching/profiles/{id}/content", id).headers(h -> h.setBearerAuth(TestTokens.memberOf(owner)))
                .header("If-Match", "\"2\"").contentType(MediaType.APPLICATION_JSON).bodyValue(completeOffer())
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aCoordinatorOfTheBureauDraftsAndPublishesForTheMemberWhoSeesItAndMayWithdrawIt() {
        String owner = members.active("Kyushu Foods", OrganisationType.SME, "40", "kyushu");
        var draft = draft(owner, TestTokens.coordinator("kyushu"), "TECHNOLOGY_REQUEST", requestContent());
        String id = (String) draft.get("id");
        assertThat(((Map<?, ?>) draft.get("createdBy")).get("role")).isEqualTo("COORDINATOR");
        post("/api/matching/profiles/{id}/publication", id, TestTokens.coordinator("kyushu"), HttpStatus.OK);

        var list = client.get().uri("/api/matching/members/{m}/profiles", owner)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(owner))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        var mine = (List<?>) list.get("items");
        assertThat(mine).hasSize(1);
        assertThat(((Map<?, ?>) ((Map<?, ?>) mine.get(0)).get("publishedBy")).get("role")).isEqualTo("COORDINATOR");

        // a coordinator of another bureau does not even see it
        client.post().uri("/api/matching/profiles/{id}/withdrawal", id)
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("kanto"))).exchange().expectStatus().isNotFound();
        var withdrawn = post("/api/matching/profiles/{id}/withdrawal", id, TestTokens.memberOf(owner), HttpStatus.OK);
        assertThat(withdrawn.get("status")).isEqualTo("WITHDRAWN");
        assertThat(((Map<?, ?>) withdrawn.get("withdrawnBy")).get("role")).isEqualTo("MEMBER");
    }

    @Test
    void publishingNeedsACompleteProfileAndTheRightOrganisationType() {
        String owner = members.active("Small Co", OrganisationType.SME, "13", "kanto");
        String id = (String) draft(owner, TestTokens.memberOf(owner), "TECHNOLOGY_OFFER",
                Map.of("title", Map.of("en", "Laser welding"))).get("id");
        client.post().uri("/api/matching/profiles/{id}/publication", id)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(owner))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'summary')]").exists()
                .jsonPath("$.errors[?(@.field == 'technologyFields')]").exists();

        String large = members.active("Big Motors", OrganisationType.LARGE_ENTERPRISE, "23", "chubu");
        client.post().uri("/api/matching/profiles").headers(h -> h.setBearerAuth(TestTokens.memberOf(large)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", large, "type", "TECHNOLOGY_OFFER", "content", completeOffer()))
                .exchange().expectStatus().isForbidden();
        draft(large, TestTokens.memberOf(large), "TECHNOLOGY_REQUEST", requestContent());

        client.post().uri("/api/matching/profiles").headers(h -> h.setBearerAuth(TestTokens.memberOf(owner)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", owner, "type", "TECHNOLOGY_OFFER",
                        "content", Map.of("title", Map.of("ja", "x"), "specification", Map.of("ja", "y"))))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("specification");
    }

    @Test
    void aSuspendedMembersProfilesVanishAtOnceAndComeBackOnReinstatement() {
        String owner = members.active("Suspended Co", OrganisationType.SME, "27", "kinki");
        String other = members.active("Watcher Co", OrganisationType.SME, "27", "kinki");
        String id = (String) draft(owner, TestTokens.memberOf(owner), "TECHNOLOGY_OFFER", completeOffer()).get("id");
        String second = (String) draft(owner, TestTokens.memberOf(owner), "TECHNOLOGY_OFFER", completeOffer()).get("id");
        post("/api/matching/profiles/{id}/publication", id, TestTokens.memberOf(owner), HttpStatus.OK);
        readAs(other, id).expectStatus().isOk();

        members.suspend(owner, "27", "kinki");
        readAs(other, id).expectStatus().isNotFound();
        client.post().uri("/api/matching/profiles/{id}/publication", second)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(owner))).exchange().expectStatus().isForbidden();
        // the regional body still sees it in full
        client.get().uri("/api/matching/profiles/{id}", id).headers(h -> h.setBearerAuth(TestTokens.regionalBody("kinki")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.memberId").isEqualTo(owner);

        members.reinstate(owner, "27", "kinki");
        readAs(other, id).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec readAs(String memberId, String profileId) {
        return client.get().uri("/api/matching/profiles/{id}", profileId)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(memberId))).exchange();
    }

    private Map<?, ?> draft(String memberId, String token, String type, Map<String, ?> content) {
        return client.post().uri("/api/matching/profiles").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", memberId, "type", type, "content", content))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> post(String path, String id, String token, HttpStatus expected) {
        return client.post().uri(path, id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(expected).expectBody(Map.class).returnResult().getResponseBody();
    }

    static Map<String, Object> completeOffer() {
        return Map.ofEntries(
                Map.entry("title", Map.of("ja", "精密切削加工")),
                Map.entry("summary", Map.of("ja", "アルミとチタンの微細加工を試作から量産まで請け負います。")),
                Map.entry("advantages", Map.of("ja", "公差±2μm")),
                Map.entry("keywords", List.of("切削", "チタン")),
                Map.entry("technologyFields", List.of("metal-processing")),
                Map.entry("jsicCodes", List.of("E", "24")),
                Map.entry("stage", "ON_THE_MARKET"),
                Map.entry("ipStatus", "SECRET_KNOW_HOW"),
                Map.entry("partnershipTypes", List.of("MANUFACTURING_SUPPLY_OUTSOURCING")),
                Map.entry("targetRegions", List.of("nationwide")));
    }

    static Map<String, Object> requestContent() {
        return Map.of(
                "title", Map.of("ja", "食品の鮮度を保つ包装"),
                "summary", Map.of("ja", "魚の鮮度を長く保てる包装材を探しています。"),
                "specification", Map.of("ja", "冷蔵で7日"),
                "technologyFields", List.of("food-agriculture"),
                "partnershipTypes", List.of("COMMERCIAL_WITH_TECHNICAL_ASSISTANCE"),
                "targetRegions", List.of("kyushu"));
    }
}
