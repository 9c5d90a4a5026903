package jp.iinj.businessmatching.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.businessmatching.support.BusinessMatchingIntegrationTest;
import jp.iinj.businessmatching.support.TestMembers;
import jp.iinj.businessmatching.support.TestProfiles;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.testing.tokens.TestTokens;

/**
 * Bad input gets a 4xx problem+json (never a 5xx), and nothing stored changes: wrong types, operators where text
 * belongs, oversized text, fields that do not fit the profile type, unknown search parameters, forged cursors.
 */
@BusinessMatchingIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    @Autowired
    WebTestClient client;
    @Autowired
    TestMembers members;
    @Autowired
    TestProfiles profiles;
    @Autowired
    ReactiveMongoTemplate mongo;

    String member;
    String published;

    @BeforeAll
    void member() {
        member = members.active("Hostile Target Co", OrganisationType.SME, "13", "kanto");
        published = profiles.published(member, "TECHNOLOGY_OFFER", TestProfiles.offer(Map.of("ja", "標的の技術"),
                Map.of("ja", "変わってはいけない内容"), "materials", List.of("LICENSING")));
    }

    Stream<Arguments> hostileDrafts() {
        String m = "\"memberId\":\"" + "%s" + "\"";
        return Stream.of(
                Arguments.of("no body", ""),
                Arguments.of("not JSON", "title=x"),
                Arguments.of("array", "[]"),
                Arguments.of("unknown type", "{" + m + ",\"type\":\"PATENT\",\"content\":{\"title\":{\"ja\":\"x\"}}}"),
                Arguments.of("operator as member", "{\"memberId\":{\"$ne\":null},\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"x\"}}}"),
                Arguments.of("operator as title", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"$gt\":\"\"}}}"),
                Arguments.of("number as title", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":42}}}"),
                Arguments.of("huge summary", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"x\"},\"summary\":{\"ja\":\"" + "長".repeat(501) + "\"}}}"),
                Arguments.of("control characters", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"a\\u0000b\"}}}"),
                Arguments.of("unknown technology field", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"x\"},\"technologyFields\":[\"alchemy\"]}}"),
                Arguments.of("bad JSIC code", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"x\"},\"jsicCodes\":[\"Z9\"]}}"),
                Arguments.of("bad target region", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"x\"},\"targetRegions\":[\"mars\"]}}"),
                Arguments.of("specification on an offer", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"x\"},\"specification\":{\"ja\":\"y\"}}}"),
                Arguments.of("funding on an offer", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{\"title\":{\"ja\":\"x\"},\"fundingProgramme\":\"Go-Tech\"}}"),
                Arguments.of("mass assignment of status", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"status\":\"PUBLISHED\",\"content\":{\"title\":{\"ja\":\"x\"}}}"),
                Arguments.of("no title", "{" + m + ",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{}}"),
                Arguments.of("bad date", "{" + m + ",\"type\":\"RD_PARTNER_REQUEST\",\"content\":{\"title\":{\"ja\":\"x\"},\"fundingDeadline\":\"next year\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDrafts")
    void aHostileDraftIsAProblemAndStoresNothing(String name, String template) {
        long before = profilesOf(member);
        client.post().uri("/api/matching/profiles").headers(h -> h.setBearerAuth(TestTokens.memberOf(member)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(template.formatted(member))
                .exchange().expectStatus().is4xxClientError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(profilesOf(member)).isEqualTo(before);
    }

    @Test
    void hostileSearchesAndIdsAreProblemsAndThePublishedProfileIsUnchanged() {
        for (String query : List.of("?sort=owner", "?keywords=a&keywords=b", "?size=0", "?size=51", "?type=PATENT",
                "?cursor=not-ours", "?cursor=" + "A".repeat(500), "?bureau=%24ne", "?technologyField=alchemy")) {
            client.get().uri("/api/matching/profiles" + query).headers(h -> h.setBearerAuth(TestTokens.memberOf(member)))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (String path : List.of("/api/matching/profiles/%7B%22%24ne%22%3A1%7D", "/api/matching/interests/..%2F..",
                "/api/matching/members/%24where/proposals")) {
            client.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.memberOf(member))).exchange()
                    .expectStatus().is4xxClientError();
        }
        client.put().uri("/api/matching/profiles/{id}/content", published)
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(member))).header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":{\"ja\":\"乗っ取り\"}}")
                .exchange().expectStatus().is4xxClientError();
        client.post().uri("/api/matching/interests").headers(h -> h.setBearerAuth(TestTokens.memberOf(member)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"memberId\":\"" + member + "\",\"profileId\":{\"$gt\":\"\"},\"message\":\"x\"}")
                .exchange().expectStatus().isBadRequest();
        client.get().uri("/api/matching/profiles/{id}", published).headers(h -> h.setBearerAuth(TestTokens.memberOf(member)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PUBLISHED")
                .jsonPath("$.content.summary.ja").isEqualTo("変わってはいけない内容");
    }

    private long profilesOf(String memberId) {
        return mongo.count(Query.query(where("ownerMemberId").is(memberId)), PartneringProfile.class).block();
    }
}
