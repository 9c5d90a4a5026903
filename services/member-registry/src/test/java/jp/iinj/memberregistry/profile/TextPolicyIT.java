package jp.iinj.memberregistry.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.organisation.TestRegistrations;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;

/**
 * The probe's requests again (issue 12, "Text that cannot deceive"): names and profile text with bidirectional
 * overrides or invisible characters are refused naming each field, and nothing is stored; text is kept in NFC.
 */
@MemberRegistryIntegrationTest
class TextPolicyIT {

    private static final String ORGANISATIONS = "/api/members/organisations";

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theProbesRegistrationIsRefusedNamingLegalNameAndEnglishName() {
        String number = TestCorporateNumbers.random();
        String body = """
                {"legalName":"検証\\u202e社会式株","englishName":"Bidi\\u202egnp.exe","organisationType":"SME",
                 "corporateNumber":"%s","prefectureCode":"13","owner":{"displayName":"A","email":"a@example.jp"}}"""
                .formatted(number);

        http.post().uri(ORGANISATIONS).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/invalid-request")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'legalName')].message")
                .isEqualTo("must not contain bidirectional formatting characters (U+202E at position 3)")
                .jsonPath("$.errors[?(@.field == 'englishName')].message")
                .isEqualTo("must not contain bidirectional formatting characters (U+202E at position 5)");

        assertThat(storedWithNumber(number)).isZero();
    }

    static Stream<Arguments> invisibleCharacters() {
        return Stream.of(
                Arguments.of("ZERO WIDTH SPACE", "\\u200b", "must not contain invisible or formatting characters (U+200B at position 5)"),
                Arguments.of("BYTE ORDER MARK", "\\ufeff", "must not contain invisible or formatting characters (U+FEFF at position 5)"),
                Arguments.of("LEFT-TO-RIGHT ISOLATE", "\\u2066", "must not contain bidirectional formatting characters (U+2066 at position 5)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invisibleCharacters")
    void invisibleAndIsolatingCharactersInANameAreRefused(String name, String character, String message) {
        String number = TestCorporateNumbers.random();
        String body = """
                {"legalName":"株式会社%s検証","organisationType":"SME","corporateNumber":"%s","prefectureCode":"13",
                 "owner":{"displayName":"A","email":"a@example.jp"}}""".formatted(character, number);

        http.post().uri(ORGANISATIONS).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("legalName")
                .jsonPath("$.errors[0].message").isEqualTo(message);

        assertThat(storedWithNumber(number)).isZero();
    }

    static Stream<Arguments> deceptiveProfiles() {
        String base = "\"legalName\":\"株式会社堅牢\",\"organisationType\":\"SME\",\"prefectureCode\":\"13\"";
        return Stream.of(
                Arguments.of("the probe's English name", "{" + base + ",\"englishName\":\"\\u202e\"}", "englishName"),
                Arguments.of("a keyword", "{" + base + ",\"keywords\":[\"精密\",\"Io\\u200bT\"]}", "keywords[1]"),
                Arguments.of("a keyword with an isolate", "{" + base + ",\"keywords\":[\"\\u2066金型\"]}", "keywords[0]"),
                Arguments.of("a contact's name", "{" + base + ",\"contacts\":[{\"name\":\"山田\\u202e郎太\","
                        + "\"email\":\"y@example.jp\"}]}", "contacts[0].name"),
                Arguments.of("a contact's department", "{" + base + ",\"contacts\":[{\"name\":\"山田\","
                        + "\"department\":\"総務\\ufeff部\",\"email\":\"y@example.jp\"}]}", "contacts[0].department"),
                Arguments.of("an address", "{" + base + ",\"address\":\"本町\\u200d1-2-3\"}", "address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deceptiveProfiles")
    void aProfileWithDeceptiveTextIsRefusedAndNothingChanges(String why, String body, String field) {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社堅牢", "13"));
        String own = TestTokens.memberOf(member.id());

        putProfile(member.id(), own, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field);

        OrganisationResponse after = read(member.id(), own);
        assertThat(after.profile().englishName()).isEqualTo("Test Co., Ltd.");
        assertThat(after.profile().keywords()).containsExactly("精密切削", "five-axis");
        assertThat(after.contacts()).singleElement().satisfies(contact -> assertThat(contact.name()).isEqualTo("連絡 花子"));
    }

    @Test
    void textIsStoredInNfcAndCountedInCodePoints() {
        // ガ sent as カ + U+3099: 200 of them are 400 UTF-16 units, within the 200 characters of a name once composed
        String decomposed = "\u30AB\u3099".repeat(199) + "社";
        OrganisationResponse registered = TestRegistrations.register(http, TestRegistrations.body(decomposed, "13"));

        assertThat(registered.profile().legalName()).isEqualTo("ガ".repeat(199) + "社");
        Organisation stored = mongo.findById(registered.id(), Organisation.class).block();
        assertThat(stored.profile().legalName()).isEqualTo("ガ".repeat(199) + "社");
    }

    @Test
    void notesMayHaveSeveralLinesButNoDeceptiveCharacters() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社覚書", "13"));
        String approver = TestTokens.regionalBody("kanto");

        http.post().uri(ORGANISATIONS + "/{id}/suspension", member.id()).headers(h -> h.setBearerAuth(approver))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"UNPAID_FEES\",\"note\":\"督促済み\\u202e\\n二回目\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must not contain bidirectional formatting characters (U+202E at position 5)");
        http.post().uri(ORGANISATIONS + "/{id}/suspension", member.id()).headers(h -> h.setBearerAuth(approver))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"UNPAID_FEES\",\"note\":\"督促済み\\n二回目\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.statusNote").isEqualTo("督促済み\n二回目");
    }

    private long storedWithNumber(String number) {
        return mongo.count(Query.query(where("corporateNumber").is(number)), Document.class, Organisation.COLLECTION)
                .block();
    }

    private OrganisationResponse read(String id, String token) {
        return http.get().uri(ORGANISATIONS + "/{id}", id).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(OrganisationResponse.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec putProfile(String id, String token, String body) {
        return http.put().uri(ORGANISATIONS + "/{id}/profile", id)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("If-Match", "\"1\"");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
