package jp.iinj.memberregistry.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.lapse.MembershipLapseJob;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.organisation.TestRegistrations;
import jp.iinj.memberregistry.people.TestPeople;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.contracts.EventSchemaAssertions;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import jp.iinj.testing.time.MutableClock;
import reactor.core.publisher.Mono;

/**
 * Every lifecycle step over HTTP: who may take it, what it refuses, and the public event it publishes (valid against
 * its contract, without the note or anything personal). Time moves with a {@link MutableClock}.
 */
@MemberRegistryIntegrationTest
@TestPropertySource(properties = "iinj.membership.lapse-job-enabled=false")
class MembershipLifecycleIT {

    // 10:00 in Tokyo on 1 April 2026
    static final MutableClock CLOCK = MutableClock.at(Instant.parse("2026-04-01T01:00:00Z"));
    private static final String NOTE = "担当 山田様より電話で連絡";
    @RegisterExtension
    static final TopicProbeExtension memberEvents = TopicProbeExtension.on(TopicCatalogue.MEMBER_EVENTS_V1.name());

    private static TestProducer people;

    @Autowired
    WebTestClient http;
    @Autowired
    MembershipLapseJob lapseJob;

    @BeforeAll
    static void connect() {
        people = TestProducer.connect(TestInfrastructure.shared().kafkaBootstrapServers());
    }

    @AfterAll
    static void close() {
        people.close();
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock clock() {
            return CLOCK;
        }
    }

    @Test
    void aMembershipIsSuspendedReinstatedRenewedAndWithdrawnWithAnEventForEachStep() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社甲府精密", "19"));
        assertThat(member.expiresOn()).isEqualTo(LocalDate.parse("2027-04-01"));
        String kanto = TestTokens.regionalBody("kanto");
        String own = TestTokens.memberOf(member.id());

        // the organisation does not suspend itself; a coordinator does not either; another bureau does not see it
        post(member.id(), "suspension", own, "{\"reason\":\"UNPAID_FEES\"}").expectStatus().isForbidden();
        post(member.id(), "suspension", TestTokens.coordinator("kanto"), "{\"reason\":\"UNPAID_FEES\"}").expectStatus().isForbidden();
        post(member.id(), "suspension", TestTokens.regionalBody("kinki"), "{\"reason\":\"UNPAID_FEES\"}").expectStatus().isNotFound();
        post(member.id(), "suspension", kanto, "{\"reason\":\"NOT_A_REASON\"}").expectStatus().isBadRequest();
        post(member.id(), "suspension", kanto, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post(member.id(), "suspension", kanto, "{\"reason\":\"UNPAID_FEES\",\"note\":\"" + "x".repeat(1001) + "\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 1 and 1000");

        post(member.id(), "suspension", kanto, "{\"reason\":\"UNPAID_FEES\",\"note\":\"" + NOTE + "\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SUSPENDED")
                .jsonPath("$.statusReason").isEqualTo("UNPAID_FEES").jsonPath("$.statusNote").isEqualTo(NOTE);
        publicEvent(member.id(), TopicCatalogue.MEMBER_SUSPENDED_V1);
        // coordinators see the organisation, not the note (it may name people)
        http.get().uri("/api/members/organisations/{id}", member.id()).headers(h -> h.setBearerAuth(TestTokens.coordinator("kanto")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.statusReason").isEqualTo("UNPAID_FEES").jsonPath("$.statusNote").doesNotExist()
                .jsonPath("$.owner").doesNotExist().jsonPath("$.contacts").doesNotExist().jsonPath("$.address").doesNotExist();
        // its own people write nothing while it is suspended (MemberStanding… below): 403 before the status' 409
        post(member.id(), "withdrawal", own, "{\"reason\":\"OTHER\"}").expectStatus().isForbidden();

        post(member.id(), "reinstatement", kanto, null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        publicEvent(member.id(), TopicCatalogue.MEMBER_REINSTATED_V1);

        // renewal opens 90 days before expiry
        post(member.id(), "renewal", own, null).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        CLOCK.set(Instant.parse("2027-01-05T01:00:00Z"));
        post(member.id(), "renewal", own, null).expectStatus().isOk()
                .expectBody().jsonPath("$.expiresOn").isEqualTo("2028-04-01");
        var renewed = publicEvent(member.id(), TopicCatalogue.MEMBER_RENEWED_V1);
        assertThat(TopicProbe.valueAsString(renewed)).contains("\"expiresOn\":\"2028-04-01\"");

        post(member.id(), "withdrawal", TestTokens.regionalBody("kanto"), "{\"reason\":\"OTHER\"}").expectStatus().isForbidden();
        post(member.id(), "withdrawal", own, "{\"reason\":\"BUSINESS_CLOSED\",\"note\":\"" + NOTE + "\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        publicEvent(member.id(), TopicCatalogue.MEMBER_WITHDRAWN_V1);
        post(member.id(), "reinstatement", kanto, null).expectStatus().isEqualTo(409);
        post(member.id(), "renewal", kanto, null).expectStatus().isEqualTo(409);
        post(member.id(), "renewal", own, null).expectStatus().isForbidden();
    }

    @Test
    void anApplicationIsRejectedWithAReasonCodeAndThePublicEventLeavesTheNoteOut() {
        OrganisationResponse applied = TestRegistrations.register(http, TestRegistrations.body("株式会社却下", "27"));

        post(applied.id(), "rejection", TestTokens.regionalBody("kanto"), "{\"reason\":\"NOT_ELIGIBLE\"}").expectStatus().isNotFound();
        post(applied.id(), "rejection", TestTokens.memberOf(applied.id()), "{\"reason\":\"NOT_ELIGIBLE\"}").expectStatus().isForbidden();
        post(applied.id(), "rejection", TestTokens.regionalBody("kinki"), "{\"reason\":\"NOT_ELIGIBLE\",\"note\":\"" + NOTE + "\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REJECTED");
        publicEvent(applied.id(), TopicCatalogue.MEMBER_REJECTED_V1);
        post(applied.id(), "approval", TestTokens.regionalBody("kinki"), null).expectStatus().isEqualTo(409);
    }

    @Test
    void aStaleIfMatchOnALifecycleStepIsRefusedWith412() {
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社条件付", "13"));

        http.post().uri("/api/members/organisations/{id}/suspension", member.id())
                .headers(h -> {
                    h.setBearerAuth(TestTokens.admin());
                    h.setIfMatch("\"0\"");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"OTHER\"}")
                .exchange().expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/members/organisations/{id}", member.id()).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .exchange().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
    }

    @Test
    void theLapseJobLapsesExpiredMembershipsOnceEvenWhenInstancesRace() {
        CLOCK.set(Instant.parse("2026-04-01T01:00:00Z"));
        OrganisationResponse expiring = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社失効", "14"));
        OrganisationResponse renewing = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社更新", "14"));
        CLOCK.set(Instant.parse("2027-04-10T01:00:00Z"));
        post(renewing.id(), "renewal", TestTokens.memberOf(renewing.id()), null).expectStatus().isOk();

        // in the grace period (expired 2027-04-01, grace to 2027-05-01): nothing lapses
        lapseJob.lapseDue().block();
        assertThat(statusOf(expiring.id())).isEqualTo(MembershipStatus.ACTIVE);

        CLOCK.set(Instant.parse("2027-05-02T01:00:00Z"));
        // two instances at once: each lapse is a guarded write, so only one of them lapses each organisation
        var lapsedByEach = new ConcurrentLinkedQueue<Long>();
        Mono.zip(lapseJob.lapseDue().doOnNext(lapsedByEach::add), lapseJob.lapseDue().doOnNext(lapsedByEach::add)).block();

        assertThat(statusOf(expiring.id())).isEqualTo(MembershipStatus.LAPSED);
        assertThat(statusOf(renewing.id())).isEqualTo(MembershipStatus.ACTIVE);
        var lapsed = publicEvent(expiring.id(), TopicCatalogue.MEMBER_LAPSED_V1);
        assertThat(TopicProbe.header(lapsed, "ce_correlationid")).isNull();
        memberEvents.probe().assertNoMoreRecords(typed(expiring.id(), TopicCatalogue.MEMBER_LAPSED_V1), Duration.ofSeconds(2));
        assertThat(lapsedByEach.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(1);
        CLOCK.set(Instant.parse("2026-04-01T01:00:00Z"));
    }

    @Test
    void theOwnerOfASuspendedMemberChangesNothingUntilItIsReinstatedWhateverItsTokenSays() {
        CLOCK.set(Instant.parse("2026-04-01T01:00:00Z"));
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社停止中", "13"));
        String owner = ownerWithStaff(member.id());
        String kanto = TestTokens.regionalBody("kanto");
        post(member.id(), "suspension", kanto, "{\"reason\":\"UNPAID_FEES\"}").expectStatus().isOk();
        // renewal is open from here on, so that only the standing refuses it
        CLOCK.set(Instant.parse("2027-01-05T01:00:00Z"));

        assertOwnWritesRefused(member.id(), owner, MembershipStatus.SUSPENDED);
        // reads go on while the token lasts (identity stops issuing the claim); approvers keep their powers
        http.get().uri("/api/members/organisations/{id}", member.id()).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk();
        post(member.id(), "renewal", kanto, null).expectStatus().isEqualTo(409);

        post(member.id(), "reinstatement", kanto, null).expectStatus().isOk();

        putProfile(member.id(), owner, "株式会社停止中").expectStatus().isOk();
        post(member.id(), "renewal", owner, null).expectStatus().isOk();
        removeStaff(member.id(), owner).expectStatus().isAccepted();
        post(member.id(), "withdrawal", owner, "{\"reason\":\"OTHER\"}").expectStatus().isOk();
        CLOCK.set(Instant.parse("2026-04-01T01:00:00Z"));
    }

    @Test
    void theOwnerOfALapsedMemberChangesNothingWhateverItsTokenSaysAndAnAdministratorStillDoes() {
        CLOCK.set(Instant.parse("2026-04-01T01:00:00Z"));
        OrganisationResponse member = TestRegistrations.registerAndApprove(http, TestRegistrations.body("株式会社期限切れ", "13"));
        String owner = ownerWithStaff(member.id());
        CLOCK.set(Instant.parse("2027-05-02T01:00:00Z"));
        lapseJob.lapseDue().block();
        assertThat(statusOf(member.id())).isEqualTo(MembershipStatus.LAPSED);

        assertOwnWritesRefused(member.id(), owner, MembershipStatus.LAPSED);
        putProfile(member.id(), TestTokens.admin(), "株式会社期限切れ").expectStatus().isOk();
        CLOCK.set(Instant.parse("2026-04-01T01:00:00Z"));
    }

    /** Profile, withdrawal, renewal and staff removal by the owner: 403 problems naming the status. */
    private void assertOwnWritesRefused(String id, String owner, MembershipStatus status) {
        String detail = "The membership of organisation " + id + " is not active (" + status
                + "): its people cannot change the organisation.";
        for (var refused : List.of(putProfile(id, owner, "株式会社書換"),
                post(id, "withdrawal", owner, "{\"reason\":\"OTHER\"}"),
                post(id, "renewal", owner, null),
                removeStaff(id, owner))) {
            refused.expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo(detail);
        }
        assertThat(statusOf(id)).isEqualTo(status);
    }

    /** The owner's token (still acting for the organisation), once the registry knows the owner and one staff member. */
    private String ownerWithStaff(String id) {
        TestPeople.joined(people, id, "owner-" + id, "OWNER", "所有 太郎", CLOCK.instant());
        TestPeople.joined(people, id, "staff-" + id, "STAFF", "職員 次郎", CLOCK.instant().plusSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get().uri("/api/members/organisations/{id}/people", id)
                .headers(h -> h.setBearerAuth(TestTokens.admin())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody(), body -> body.contains("staff-" + id));
        return TestTokens.ISSUER.token("owner-" + id).roles(PlatformRole.MEMBER).memberIds(List.of(id)).sign();
    }

    private WebTestClient.ResponseSpec putProfile(String id, String token, String legalName) {
        String eTag = http.get().uri("/api/members/organisations/{id}", id).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        return http.put().uri("/api/members/organisations/{id}/profile", id)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.setIfMatch(eTag);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"legalName\":\"" + legalName + "\",\"organisationType\":\"SME\",\"prefectureCode\":\"13\"}")
                .exchange();
    }

    private WebTestClient.ResponseSpec removeStaff(String id, String token) {
        return http.delete().uri("/api/members/organisations/{id}/people/{subject}", id, "staff-" + id)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private MembershipStatus statusOf(String id) {
        return http.get().uri("/api/members/organisations/{id}", id).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isOk()
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody().status();
    }

    private WebTestClient.ResponseSpec post(String id, String step, String token, String body) {
        var request = http.post().uri("/api/members/organisations/{id}/" + step, id).headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The event, valid against its schema, and free of personal data (owner, contacts, address, the note). */
    private static ConsumerRecord<String, byte[]> publicEvent(String id, EventType<?> type) {
        var record = memberEvents.probe().awaitRecord(typed(id, type), Duration.ofSeconds(30));
        EventSchemaAssertions.assertValidAgainstSchema(type, record.value());
        assertThat(TopicProbe.valueAsString(record)).doesNotContain("@", NOTE, "所有 太郎", "連絡 花子", "本町");
        return record;
    }

    private static Predicate<ConsumerRecord<String, byte[]>> typed(String id, EventType<?> type) {
        return record -> id.equals(record.key()) && type.type().equals(TopicProbe.header(record, "ce_type"));
    }
}
