package jp.iinj.memberregistry.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.organisation.TestRegistrations;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Retried registrations (Idempotency-Key) and organisations without a corporate number (duplicate review). */
@MemberRegistryIntegrationTest
class IdempotentRegistrationIT {

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theSameKeyAndBodyReturnTheFirstRegistrationAndAnotherBodyGets422() {
        String key = UUID.randomUUID().toString();
        String body = TestRegistrations.body("株式会社再送", "13");

        var first = post(body, key).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(OrganisationResponse.class).returnResult();
        var again = post(body, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(OrganisationResponse.class).returnResult();

        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(stored(first.getResponseBody().corporateNumber())).isEqualTo(1);
        post(TestRegistrations.body("株式会社別件", "13"), key).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/idempotency-key-reused");
    }

    @Test
    void concurrentRetriesWithOneKeyRegisterOnce() {
        String key = UUID.randomUUID().toString();
        String body = TestRegistrations.body("株式会社同時再送", "13");

        List<Integer> statuses = Flux.range(0, 5).parallel(5).runOn(Schedulers.boundedElastic())
                .map(i -> post(body, key).returnResult(String.class).getStatus().value())
                .sequential().collectList().block();

        assertThat(statuses).containsOnly(201);
        assertThat(mongo.count(Query.query(Criteria.where("registrationKey.key").is(key)), Organisation.class).block())
                .isEqualTo(1);
    }

    @Test
    void badKeysAreRefused() {
        post(TestRegistrations.body("株式会社鍵", "13"), "short").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        post(TestRegistrations.body("株式会社鍵", "13"), "{\"$gt\":\"\"}-key").expectStatus().isBadRequest();
    }

    @Test
    void withoutACorporateNumberASameNamedOrganisationInThePrefectureIsFlaggedUntilAnApproverClearsIt() {
        String name = "信濃川精機" + UUID.randomUUID().toString().substring(0, 6);
        OrganisationResponse existing = TestRegistrations.register(http, TestRegistrations.body("株式会社 " + name, "15"));
        String withoutNumber = TestRegistrations.body(name + "（株）", "15")
                .replaceFirst("\"corporateNumber\":\"\\d+\"", "\"noCorporateNumberReason\":\"SOLE_PROPRIETOR\"");

        OrganisationResponse flagged = TestRegistrations.register(http, withoutNumber);
        assertThat(flagged.corporateNumber()).isNull();
        assertThat(flagged.possibleDuplicateOf()).as("not shown to the registrant").isNull();
        String kanto = TestTokens.regionalBody("kanto");
        http.get().uri("/api/members/organisations/{id}", flagged.id()).headers(h -> h.setBearerAuth(kanto))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.possibleDuplicateOf[0]").isEqualTo(existing.id());

        approve(flagged.id(), kanto).expectStatus().isEqualTo(409);
        http.post().uri("/api/members/organisations/{id}/duplicate-review/clearance", flagged.id())
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("kanto"))).exchange().expectStatus().isForbidden();
        http.post().uri("/api/members/organisations/{id}/duplicate-review/clearance", flagged.id())
                .headers(h -> h.setBearerAuth(kanto)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.possibleDuplicateOf").doesNotExist();
        approve(flagged.id(), kanto).expectStatus().isOk();

        // another prefecture is another organisation
        OrganisationResponse elsewhere = TestRegistrations.register(http, withoutNumber.replace("\"15\"", "\"20\""));
        http.get().uri("/api/members/organisations/{id}", elsewhere.id()).headers(h -> h.setBearerAuth(kanto))
                .exchange().expectBody().jsonPath("$.possibleDuplicateOf").doesNotExist();
    }

    @Test
    void aCorporateNumberOrAReasonForNotHavingOneIsRequired() {
        String neither = TestRegistrations.body("株式会社番号なし", "13").replaceFirst("\"corporateNumber\":\"\\d+\",", "");
        String both = TestRegistrations.body("株式会社両方", "13").replace("\"prefectureCode\"",
                "\"noCorporateNumberReason\":\"OTHER\",\"prefectureCode\"");
        long before = mongo.count(new Query(), Document.class, Organisation.COLLECTION).block();

        post(neither, null).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("corporateNumber");
        post(both, null).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("noCorporateNumberReason");
        assertThat(mongo.count(new Query(), Document.class, Organisation.COLLECTION).block()).isEqualTo(before);
    }

    private long stored(String corporateNumber) {
        return mongo.count(Query.query(Criteria.where("corporateNumber").is(corporateNumber)), Organisation.class).block();
    }

    private WebTestClient.ResponseSpec approve(String id, String token) {
        return http.post().uri("/api/members/organisations/{id}/approval", id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec post(String body, String key) {
        return http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .bodyValue(body).exchange();
    }
}
