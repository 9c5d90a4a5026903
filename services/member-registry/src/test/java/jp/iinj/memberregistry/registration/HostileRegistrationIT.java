package jp.iinj.memberregistry.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;

/** Bad input gets a 4xx problem+json naming the field, and nothing is stored. */
@MemberRegistryIntegrationTest
class HostileRegistrationIT {

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    static Stream<Arguments> invalidBodies() {
        String valid = TestCorporateNumbers.random();
        return Stream.of(
                Arguments.of("wrong check digit", body("株式会社A", "SME", "8123456789012", "13"), "corporateNumber"),
                Arguments.of("12 digits", body("株式会社A", "SME", "712345678901", "13"), "corporateNumber"),
                Arguments.of("letters", body("株式会社A", "SME", "71234567890AB", "13"), "corporateNumber"),
                Arguments.of("unknown prefecture", body("株式会社A", "SME", valid, "48"), "prefectureCode"),
                Arguments.of("prefecture name", body("株式会社A", "SME", valid, "Tokyo"), "prefectureCode"),
                Arguments.of("unknown type", body("株式会社A", "COMPANY", valid, "13"), "organisationType"),
                Arguments.of("blank name", body(" ", "SME", valid, "13"), "legalName"),
                Arguments.of("huge name", body("名".repeat(5000), "SME", valid, "13"), "legalName"),
                Arguments.of("control characters", body("株式会社\\u0000A", "SME", valid, "13"), "legalName"),
                Arguments.of("operator instead of name",
                        "{\"legalName\":{\"$gt\":\"\"},\"organisationType\":\"SME\",\"corporateNumber\":\"" + valid + "\",\"prefectureCode\":\"13\"," + OWNER + "}",
                        "legalName"),
                Arguments.of("operator instead of number",
                        "{\"legalName\":\"A\",\"organisationType\":\"SME\",\"corporateNumber\":{\"$ne\":null},\"prefectureCode\":\"13\"," + OWNER + "}",
                        "corporateNumber"),
                Arguments.of("number instead of string",
                        "{\"legalName\":\"A\",\"organisationType\":\"SME\",\"corporateNumber\":" + valid + ",\"prefectureCode\":\"13\"," + OWNER + "}",
                        "corporateNumber"),
                Arguments.of("array instead of string",
                        "{\"legalName\":[\"A\",\"B\"],\"organisationType\":\"SME\",\"corporateNumber\":\"" + valid + "\",\"prefectureCode\":\"13\"," + OWNER + "}",
                        "legalName"),
                Arguments.of("mass assignment of status",
                        "{\"legalName\":\"A\",\"organisationType\":\"SME\",\"corporateNumber\":\"" + valid + "\",\"prefectureCode\":\"13\",\"status\":\"ACTIVE\"," + OWNER + "}",
                        "status"),
                Arguments.of("missing fields", "{}", "legalName"),
                Arguments.of("no owner", "{\"legalName\":\"A\",\"organisationType\":\"SME\",\"corporateNumber\":\"" + valid + "\",\"prefectureCode\":\"13\"}", "owner"),
                Arguments.of("owner without e-mail address", "{\"legalName\":\"A\",\"organisationType\":\"SME\",\"corporateNumber\":\"" + valid + "\",\"prefectureCode\":\"13\",\"owner\":{\"displayName\":\"X\",\"email\":\"not-an-address\"}}", "owner.email"),
                Arguments.of("operator as owner", "{\"legalName\":\"A\",\"organisationType\":\"SME\",\"corporateNumber\":\"" + valid + "\",\"prefectureCode\":\"13\",\"owner\":{\"$where\":\"1\"}}", "owner.$where"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusesInvalidRegistrationsWithoutStoringAnything(String why, String body, String field) {
        long before = storedOrganisations();

        http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();

        assertThat(storedOrganisations()).isEqualTo(before);
    }

    @Test
    void refusesMalformedJson() {
        http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"legalName\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/malformed-json");
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String huge = "{\"legalName\":\"" + "x".repeat(200_000) + "\"}";
        http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesASecondRegistrationOfTheSameCorporateNumberAndKeepsTheFirst() {
        String number = TestCorporateNumbers.random();
        http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("株式会社最初", "SME", number, "27")).exchange().expectStatus().isCreated();

        http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("株式会社二番目", "START_UP", number, "13")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/conflict");

        var stored = mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("corporateNumber").is(number)),
                Organisation.class).collectList().block();
        assertThat(stored).singleElement().satisfies(o -> assertThat(o.profile().legalName()).isEqualTo("株式会社最初"));
    }

    private long storedOrganisations() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), Document.class, Organisation.COLLECTION).block();
    }

    static final String OWNER = "\"owner\":{\"displayName\":\"山田 花子\",\"email\":\"hanako@example.jp\"}";

    static String body(String legalName, String type, String corporateNumber, String prefecture) {
        return "{\"legalName\":\"" + legalName + "\",\"organisationType\":\"" + type + "\",\"corporateNumber\":\""
                + corporateNumber + "\",\"prefectureCode\":\"" + prefecture + "\"," + OWNER + "}";
    }
}
