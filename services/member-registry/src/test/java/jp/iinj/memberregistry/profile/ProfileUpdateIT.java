package jp.iinj.memberregistry.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.organisation.TestRegistrations;
import jp.iinj.testing.contracts.EventSchemaAssertions;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Profile updates: conditional (ETag / If-Match), checked like a registration, published without personal data. */
@MemberRegistryIntegrationTest
class ProfileUpdateIT {

    @RegisterExtension
    static final TopicProbeExtension memberEvents = TopicProbeExtension.on(TopicCatalogue.MEMBER_EVENTS_V1.name());

    @Autowired
    WebTestClient http;

    static String profile(String legalName, String extra) {
        return """
                {"legalName":"%s","organisationType":"START_UP","prefectureCode":"13","address":"新住所 4-5-6",
                 "technologyFields":["software-ai"],"keywords":["機械学習"],
                 "contacts":[{"name":"新担当 一郎","email":"ichiro@test.example.jp"}]%s}""".formatted(legalName, extra);
    }

    @Test
    void theOwnPeopleChangeTheProfileWithTheETagTheyReadAndTheEventCarriesOnlyPublicFields() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社変更前", "13"));
        String own = TestTokens.memberOf(member.id());
        String etag = read(member.id(), own).getResponseHeaders().getETag();

        var changed = put(member.id(), own, etag, profile("株式会社変更後", "")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody();

        assertThat(changed.profile().legalName()).isEqualTo("株式会社変更後");
        assertThat(changed.profile().organisationType().name()).isEqualTo("START_UP");
        assertThat(changed.profile().technologyFields()).containsExactly("software-ai");
        assertThat(changed.contacts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("新担当 一郎"));
        // not part of the profile: kept
        assertThat(changed.corporateNumber()).isEqualTo(member.corporateNumber());
        assertThat(changed.status()).isEqualTo(member.status());
        assertThat(changed.owner()).isEqualTo(member.owner());
        var record = memberEvents.probe().awaitRecord(r -> member.id().equals(r.key())
                && TopicCatalogue.MEMBER_PROFILE_UPDATED_V1.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_PROFILE_UPDATED_V1, record.value());
        assertThat(TopicProbe.valueAsString(record)).contains("株式会社変更後").doesNotContain("新担当", "ichiro@", "新住所");

        // the ETag read before the change is stale now
        put(member.id(), own, etag, profile("株式会社三度目", "")).expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(member.id(), own).getResponseBody().profile().legalName()).isEqualTo("株式会社変更後");
    }

    @Test
    void twoConcurrentUpdatesFromTheSameVersionCannotBothWin() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社競合", "13"));
        String own = TestTokens.memberOf(member.id());
        String etag = read(member.id(), own).getResponseHeaders().getETag();

        List<Integer> statuses = Flux.range(0, 6).parallel(6).runOn(Schedulers.boundedElastic())
                .map(i -> put(member.id(), own, etag, profile("株式会社競合" + i, ""))
                        .returnResult(String.class).getStatus().value())
                .sequential().collectList().block();

        // one wins; the others either read the new revision (412) or lost the guarded write (409)
        assertThat(statuses).containsOnlyOnce(200).allMatch(status -> status == 200 || status == 412 || status == 409);
        assertThat(read(member.id(), own).getResponseHeaders().getETag()).isEqualTo("\"2\"");
    }

    @Test
    void withoutIfMatchTheAnswerIs428AndOthersMayNotChangeIt() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社無条件", "13"));

        put(member.id(), TestTokens.memberOf(member.id()), null, profile("株式会社X", "")).expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(member.id(), TestTokens.memberOf(member.id()), "*", profile("株式会社X", "")).expectStatus().isEqualTo(412);
        put(member.id(), TestTokens.regionalBody("kanto"), "\"1\"", profile("株式会社X", "")).expectStatus().isForbidden();
        put(member.id(), TestTokens.coordinator("kanto"), "\"1\"", profile("株式会社X", "")).expectStatus().isForbidden();
        put(member.id(), TestTokens.memberOf("another"), "\"1\"", profile("株式会社X", "")).expectStatus().isNotFound();
        put(member.id(), TestTokens.admin(), "\"1\"", profile("株式会社管理者修正", "")).expectStatus().isOk();
    }

    @Test
    void aProfileNamesActiveClustersOfTheCatalogueOnly() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社集積", "13"));
        String own = TestTokens.memberOf(member.id());
        String cluster = http.post().uri("/api/members/clusters").headers(h -> h.setBearerAuth(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"首都圏西部 " + member.id() + "\",\"programme\":\"METI_INDUSTRIAL_CLUSTER\",\"bureau\":\"kanto\"}")
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseHeaders().getLocation().getPath().replaceAll(".*/", "");

        put(member.id(), own, "\"1\"", profile("株式会社集積", ",\"clusterIds\":[\"" + cluster + "\"]")).expectStatus().isOk()
                .expectBody().jsonPath("$.clusterIds[0]").isEqualTo(cluster);
        var event = memberEvents.probe().awaitRecord(r -> member.id().equals(r.key())
                && TopicCatalogue.MEMBER_PROFILE_UPDATED_V1.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
        assertThat(TopicProbe.header(event, "ce_cluster")).isEqualTo(cluster);

        http.put().uri("/api/members/clusters/{id}", cluster).headers(h -> {
                    h.setBearerAuth(TestTokens.admin());
                    h.setIfMatch("\"0\"");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"首都圏西部 " + member.id() + "\",\"programme\":\"METI_INDUSTRIAL_CLUSTER\",\"bureau\":\"kanto\",\"active\":false}")
                .exchange().expectStatus().isOk();
        put(member.id(), own, "\"2\"", profile("株式会社集積", ",\"clusterIds\":[\"" + cluster + "\"]")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("clusterIds[0]");
    }

    static Stream<Arguments> hostileProfiles() {
        return Stream.of(
                Arguments.of("operator as name", "{\"legalName\":{\"$gt\":\"\"},\"organisationType\":\"SME\",\"prefectureCode\":\"13\"}", "legalName"),
                Arguments.of("operator in a list", profile("A", ",\"clusterIds\":[{\"$ne\":null}]"), "clusterIds[0]"),
                Arguments.of("string for a list", profile("A", ",\"clusterIds\":\"c-1\"").replace("\"keywords\":[\"機械学習\"]", "\"keywords\":[\"k\"]"), "clusterIds"),
                Arguments.of("huge keyword list", profile("A", "").replace("[\"機械学習\"]", "[" + "\"k\",".repeat(200) + "\"k\"]"), "keywords"),
                Arguments.of("huge keyword", profile("A", "").replace("機械学習", "語".repeat(500)), "keywords[0]"),
                Arguments.of("unknown technology field", profile("A", "").replace("software-ai", "alchemy"), "technologyFields[0]"),
                Arguments.of("unknown cluster", profile("A", ",\"clusterIds\":[\"no-such-cluster\"]"), "clusterIds[0]"),
                Arguments.of("regex as cluster id", profile("A", ",\"clusterIds\":[\".*\"]"), "clusterIds[0]"),
                Arguments.of("JSIC of an unknown revision", profile("A", ",\"jsicCodes\":[{\"revision\":\"99\",\"code\":\"2611\"}]"), "jsicCodes[0].revision"),
                Arguments.of("JSIC code not a code", profile("A", ",\"jsicCodes\":[{\"revision\":\"14\",\"code\":\"Z9\"}]"), "jsicCodes[0].code"),
                Arguments.of("javascript website", profile("A", ",\"website\":\"javascript:alert(1)\""), "website"),
                Arguments.of("kana that is not kana", profile("A", ",\"legalNameKana\":\"abc\""), "legalNameKana"),
                Arguments.of("contact without e-mail", profile("A", "").replace("\"email\":\"ichiro@test.example.jp\"", "\"email\":\"nope\""), "contacts[0].email"),
                Arguments.of("unknown prefecture", profile("A", "").replace("\"13\"", "\"99\""), "prefectureCode"),
                Arguments.of("bureau sent by the client", profile("A", ",\"bureau\":\"okinawa\""), "bureau"),
                Arguments.of("status sent by the client", profile("A", ",\"status\":\"ACTIVE\""), "status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileProfiles")
    void hostileProfilesAreRefusedAndNothingChanges(String why, String body, String field) {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社堅牢", "13"));
        String own = TestTokens.memberOf(member.id());

        put(member.id(), own, "\"1\"", body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();

        var after = read(member.id(), own);
        assertThat(after.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(after.getResponseBody().profile().legalName()).isEqualTo("株式会社堅牢");
    }

    private EntityExchangeResult<OrganisationResponse> read(String id, String token) {
        return http.get().uri("/api/members/organisations/{id}", id).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(OrganisationResponse.class).returnResult();
    }

    private WebTestClient.ResponseSpec put(String id, String token, String ifMatch, String body) {
        return http.put().uri("/api/members/organisations/{id}/profile", id)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.set("If-Match", ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
