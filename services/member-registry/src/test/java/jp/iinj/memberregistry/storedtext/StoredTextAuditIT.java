package jp.iinj.memberregistry.storedtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.organisation.TestRegistrations;
import jp.iinj.memberregistry.storedtext.StoredTextAudit.Finding;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;

/**
 * What the probe left, as it was stored before the text policy: served as stored, found by the audit, refused on the
 * next write that keeps it, gone once a corrected value is written. Nothing rewrites it behind anyone's back.
 */
@MemberRegistryIntegrationTest
class StoredTextAuditIT {

    private static final String PROBES_ENGLISH_NAME = "Bidi\u202egnp.exe";

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    StoredTextAudit audit;

    @Test
    void aValueStoredBeforeThePolicyIsServedAsStoredReportedAndFixedByACorrectedWrite() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社残置", "13"));
        String own = TestTokens.memberOf(member.id());
        mongo.updateFirst(Query.query(where("_id").is(member.id())),
                new Update().set("profile.englishName", PROBES_ENGLISH_NAME), Organisation.class).block();

        // served as stored
        http.get().uri("/api/members/organisations/{id}", member.id()).headers(h -> h.setBearerAuth(own)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.englishName").isEqualTo(PROBES_ENGLISH_NAME);
        assertThat(findingsFor(member.id())).extracting(Finding::collection, Finding::path, Finding::problem)
                .containsExactly(tuple("organisations", "profile.englishName",
                        "must not contain bidirectional formatting characters (U+202E at position 5)"));

        // a write that keeps it is refused like any other
        putEnglishName(member.id(), own, PROBES_ENGLISH_NAME).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("englishName");
        assertThat(mongo.findById(member.id(), Organisation.class).block().profile().englishName())
                .isEqualTo(PROBES_ENGLISH_NAME);

        // the corrected value is the fix
        putEnglishName(member.id(), TestTokens.admin(), "Bidi exe.png Co.").expectStatus().isOk();
        assertThat(findingsFor(member.id())).isEmpty();
    }

    @Test
    void theAuditAfterStartUpRunsOncePerDatabaseNotAtEveryStartOfEveryInstance() {
        // this context's start claimed it (asynchronously); any later start, here or on another instance, does not
        await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.findById(StoredTextAudit.POLICY_VERSION, Document.class, StoredTextAudit.CLAIMS).block() != null);
        assertThat(audit.claimed().block()).isFalse();
        assertThat(audit.claimed().block()).isFalse();
    }

    private java.util.List<Finding> findingsFor(String id) {
        return audit.findings().filter(finding -> id.equals(finding.id())).collectList().block();
    }

    private WebTestClient.ResponseSpec putEnglishName(String id, String token, String englishName) {
        String body = "{\"legalName\":\"株式会社残置\",\"englishName\":\"" + englishName.replace("\u202e", "\\u202e")
                + "\",\"organisationType\":\"SME\",\"prefectureCode\":\"13\"}";
        return http.put().uri("/api/members/organisations/{id}/profile", id)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("If-Match", "\"" + revisionOf(id) + "\"");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private long revisionOf(String id) {
        return mongo.findById(id, Organisation.class).block().revision();
    }
}
