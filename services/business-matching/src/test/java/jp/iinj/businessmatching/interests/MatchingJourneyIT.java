package jp.iinj.businessmatching.interests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.businessmatching.support.BusinessMatchingIntegrationTest;
import jp.iinj.businessmatching.support.TestMembers;
import jp.iinj.businessmatching.support.TestProfiles;
import jp.iinj.contracts.coordination.CaseClosedV1;
import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.testing.tokens.TestTokens;

/**
 * The whole matching journey through the API over the real broker: a request and an offer that share no word meet in
 * a proposal on both sides, explained and anonymous; an interest, an accept clicked twice at once, one match-agreed,
 * both identities disclosed.
 */
@BusinessMatchingIntegrationTest
class MatchingJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final TopicProbeExtension EVENTS = TopicProbeExtension.on(TopicCatalogue.MATCHING_EVENTS_V1.name());

    @Autowired
    WebTestClient client;
    @Autowired
    TestMembers members;
    @Autowired
    TestProfiles profiles;

    @Test
    void aNeedAndAnOfferInDifferentLanguagesMeetAndAgreeToBeIntroduced() {
        String sme = members.active("北陸金型製作所", OrganisationType.SME, "17", "chubu");
        String university = members.active("Tohoku Institute of Machining", OrganisationType.UNIVERSITY, "04", "tohoku");
        String request = profiles.published(sme, "TECHNOLOGY_REQUEST", TestProfiles.request(
                Map.of("ja", "チタン部品の精密加工をお願いしたい"), Map.of("ja", "航空機向けチタン部品の精密加工先を探しています。"),
                "aerospace", List.of("MANUFACTURING_SUPPLY_OUTSOURCING")));
        String offer = profiles.published(university, "TECHNOLOGY_OFFER", TestProfiles.offer(
                Map.of("en", "Precision machining of titanium"),
                Map.of("en", "Our laboratory machines titanium parts to micrometre tolerances."), "metal-processing",
                List.of("MANUFACTURING_SUPPLY_OUTSOURCING", "LICENSING")));

        Map<?, ?> forSme = awaitProposal(sme, offer);
        Map<?, ?> forUniversity = awaitProposal(university, request);
        List<?> explanation = (List<?>) forSme.get("explanation");
        double sum = explanation.stream().mapToDouble(line -> ((Number) ((Map<?, ?>) line).get("points")).doubleValue()).sum();
        assertThat(sum).isCloseTo(((Number) forSme.get("score")).doubleValue(), org.assertj.core.api.Assertions.within(0.001));
        assertThat(explanation).anySatisfy(line -> assertThat(((Map<?, ?>) line).get("kind")).isEqualTo("CONCEPT"));
        assertThat(forSme.toString()).doesNotContain("Tohoku Institute").doesNotContain(university);
        assertThat(forUniversity.toString()).doesNotContain("北陸金型").doesNotContain(sme);

        String interest = (String) client.post().uri("/api/matching/interests")
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(sme))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", sme, "profileId", offer, "proposalId", forSme.get("id"),
                        "message", "弊社の航空機部品の試作にご協力いただけませんか。"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        String received = client.get().uri("/api/matching/members/{m}/interests?direction=RECEIVED", university)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(university))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(received).contains(interest).contains("航空機部品の試作").doesNotContain("北陸金型").doesNotContain(sme);

        // the owner clicks accept twice at once: one match, one match-agreed
        var first = CompletableFuture.supplyAsync(() -> accept(university, interest));
        var second = CompletableFuture.supplyAsync(() -> accept(university, interest));
        assertThat(List.of(first.join(), second.join())).allMatch(status -> status == 200);

        String matchId = "m-" + interest;
        var agreed = EVENTS.probe().awaitRecord(record -> matchId.equals(record.key())
                && TopicCatalogue.MATCH_AGREED_V1.type().equals(TopicProbe.header(record, "ce_type")), WAIT);
        assertThat(new String(agreed.value(), StandardCharsets.UTF_8)).contains(sme).contains(university)
                .doesNotContain("北陸金型").doesNotContain("Tohoku Institute");
        EVENTS.probe().assertNoMoreRecords(record -> matchId.equals(record.key()), Duration.ofSeconds(3));

        String seenBySme = client.get().uri("/api/matching/interests/{id}", interest)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(sme))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(seenBySme).contains("Tohoku Institute of Machining").contains("\"status\":\"ACCEPTED\"");
        String seenByUniversity = client.get().uri("/api/matching/interests/{id}", interest)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(university))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(seenByUniversity).contains("北陸金型製作所");

        // coordination closes the case with an agreement (twice, as a redelivery would): recorded once, seen by both
        var closed = new CaseClosedV1("case-" + interest, matchId, CaseOutcome.AGREEMENT_REACHED, "chubu", Instant.now());
        members.send(TopicCatalogue.CASE_CLOSED_V1, closed.caseId(), closed);
        members.send(TopicCatalogue.CASE_CLOSED_V1, closed.caseId(), closed);
        EVENTS.probe().awaitRecord(record -> matchId.equals(record.key())
                && TopicCatalogue.MATCH_OUTCOME_RECORDED_V1.type().equals(TopicProbe.header(record, "ce_type")), WAIT);
        for (String side : List.of(sme, university)) {
            client.get().uri("/api/matching/interests/{id}", interest).headers(h -> h.setBearerAuth(TestTokens.memberOf(side)))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("AGREEMENT_REACHED");
        }
        EVENTS.probe().assertNoMoreRecords(record -> matchId.equals(record.key())
                && TopicCatalogue.MATCH_OUTCOME_RECORDED_V1.type().equals(TopicProbe.header(record, "ce_type")),
                Duration.ofSeconds(3));
    }

    @Test
    void aSuspendedMemberVanishesFromProposalsAndSearchAtOnce() {
        String needy = members.active("Needy Co", OrganisationType.SME, "27", "kinki");
        String supplier = members.active("Supplier Co", OrganisationType.SME, "26", "kinki");
        profiles.published(needy, "TECHNOLOGY_REQUEST", TestProfiles.request(Map.of("ja", "めっき処理の委託先"),
                Map.of("ja", "小ロットのめっき処理を委託したい"), "metal-processing", List.of("MANUFACTURING_SUPPLY_OUTSOURCING")));
        String offer = profiles.published(supplier, "TECHNOLOGY_OFFER", TestProfiles.offer(Map.of("ja", "めっき処理を受託"),
                Map.of("ja", "小ロットのめっき処理を短納期で受託します"), "metal-processing",
                List.of("MANUFACTURING_SUPPLY_OUTSOURCING")));
        awaitProposal(needy, offer);
        assertThat(search(needy, "めっき")).contains(offer);

        members.suspend(supplier, "26", "kinki");

        assertThat(proposals(needy)).doesNotContain(offer);
        assertThat(search(needy, "めっき")).doesNotContain(offer);
    }

    @Test
    void interestsAreCappedOncePerProfileAndADeclineTellsItsReason() {
        String owner = members.active("Owner Co", OrganisationType.SME, "40", "kyushu");
        String asker = members.active("Asker Co", OrganisationType.SME, "41", "kyushu");
        String offer = profiles.published(owner, "TECHNOLOGY_OFFER", TestProfiles.offer(Map.of("ja", "発酵技術"),
                Map.of("ja", "酒造の発酵技術を提供"), "food-agriculture", List.of("LICENSING")));
        String interest = express(asker, offer).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
        express(asker, offer).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("interest-already-open");
        express(owner, offer).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("own-profile");
        // the interested side cannot answer its own interest
        client.post().uri("/api/matching/interests/{id}/acceptance", interest)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(asker))).exchange().expectStatus().isForbidden();

        client.post().uri("/api/matching/interests/{id}/decline", interest)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(owner))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "NO_CAPACITY", "note", "今期は受付を停止しています"))
                .exchange().expectStatus().isOk();
        client.get().uri("/api/matching/interests/{id}", interest).headers(h -> h.setBearerAuth(TestTokens.memberOf(asker)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DECLINED")
                .jsonPath("$.declineReason").isEqualTo("NO_CAPACITY")
                .jsonPath("$.declineNote").isEqualTo("今期は受付を停止しています")
                .jsonPath("$.other.identity").doesNotExist();
        client.post().uri("/api/matching/interests/{id}/acceptance", interest)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(owner))).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.code").isEqualTo("interest-not-open");

        // the cap (10 by default) on open interests
        for (int i = 0; i < 10; i++) {
            String other = members.active("Other " + i, OrganisationType.SME, "40", "kyushu");
            String profile = profiles.published(other, "TECHNOLOGY_OFFER", TestProfiles.offer(Map.of("ja", "技術 " + i),
                    Map.of("ja", "提供します " + i), "food-agriculture", List.of("LICENSING")));
            express(asker, profile).expectStatus().isEqualTo(i < 10 ? HttpStatus.CREATED : HttpStatus.CONFLICT);
        }
        express(asker, offer).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("open-interest-cap-reached")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("10"));
    }

    private WebTestClient.ResponseSpec express(String memberId, String profileId) {
        return client.post().uri("/api/matching/interests").headers(h -> h.setBearerAuth(TestTokens.memberOf(memberId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", memberId, "profileId", profileId, "message", "関心があります"))
                .exchange();
    }

    private int accept(String owner, String interest) {
        return client.post().uri("/api/matching/interests/{id}/acceptance", interest)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(owner))).exchange()
                .returnResult(String.class).getStatus().value();
    }

    private Map<?, ?> awaitProposal(String memberId, String counterpartId) {
        return await().atMost(WAIT).until(() -> proposalItems(memberId).stream()
                        .filter(item -> counterpartId.equals(((Map<?, ?>) ((Map<?, ?>) item).get("counterpart")).get("id")))
                        .map(item -> (Map<?, ?>) item).findFirst().orElse(null),
                found -> found != null);
    }

    private String proposals(String memberId) {
        return proposalItems(memberId).toString();
    }

    private List<?> proposalItems(String memberId) {
        return (List<?>) client.get().uri("/api/matching/members/{m}/proposals", memberId)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(memberId))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
    }

    private String search(String memberId, String keywords) {
        return client.get().uri(uri -> uri.path("/api/matching/profiles").queryParam("keywords", keywords).build())
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(memberId))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
