package jp.iinj.memberregistry.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.organisation.TestRegistrations;
import jp.iinj.testing.contracts.EventSchemaAssertions;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's people, as identity's events describe them: who sees them, who removes them, and the
 * staff-removed event a removal publishes. Organisations are registered in Osaka (Kinki bureau).
 */
@MemberRegistryIntegrationTest
class OrganisationPeopleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant JOINED = Instant.parse("2026-04-01T09:30:00Z");

    private static TestProducer producer;
    @RegisterExtension
    static final TopicProbeExtension memberContacts = TopicProbeExtension.on(TopicCatalogue.MEMBER_CONTACTS_V1.name());

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void connect() {
        producer = TestProducer.connect(TestInfrastructure.shared().kafkaBootstrapServers());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void joinedAndLeftEventsBuildThePeopleList() {
        String id = registerInOsaka();
        String owner = "owner-" + UUID.randomUUID();
        String early = "staff-" + UUID.randomUUID();
        String late = "staff-" + UUID.randomUUID();

        sendJoined(id, late, "STAFF", "鈴木 花子", JOINED.plusSeconds(120));
        sendJoined(id, owner, "OWNER", "大阪 次郎", JOINED);
        sendJoined(id, early, "STAFF", null, JOINED.plusSeconds(60));

        JsonNode people = awaitPeople(id, 3);
        assertThat(people.findValuesAsString("subject")).containsExactly(owner, early, late);
        assertThat(people.get(0).path("role").asString()).isEqualTo("OWNER");
        assertThat(people.get(0).path("email").asString()).isEqualTo(owner + "@example.jp");
        assertThat(people.get(0).path("displayName").asString()).isEqualTo("大阪 次郎");
        assertThat(people.get(0).path("joinedAt").asString()).isEqualTo("2026-04-01T09:30:00Z");
        assertThat(people.get(0).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(people.get(1).path("displayName").isNull()).isTrue();

        sendLeft(id, late, JOINED.plusSeconds(300));
        // a replayed join older than the leave must not bring the person back; the colleague behind it in the same
        // partition shows when it has been handled
        sendJoined(id, late, "STAFF", "鈴木 花子", JOINED.plusSeconds(120));
        String colleague = "staff-" + UUID.randomUUID();
        sendJoined(id, colleague, "STAFF", "Colleague", JOINED.plusSeconds(400));

        assertThat(awaitPeople(id, 3).findValuesAsString("subject")).containsExactly(owner, early, colleague);
    }

    @Test
    void peopleAreVisibleToTheirOwnPeopleTheirApproversAndAdministratorsOnly() {
        String id = registerInOsaka();
        sendJoined(id, "owner-" + UUID.randomUUID(), "OWNER", "大阪 次郎", JOINED);

        assertThat(awaitPeople(id, 1)).hasSize(1);
        listPeople(id, token("own", PlatformRole.MEMBER, List.of(id), List.of())).expectStatus().isOk()
                .expectBody().jsonPath("$.organisationId").isEqualTo(id);
        listPeople(id, token("rb-kinki", PlatformRole.REGIONAL_BODY, List.of(), List.of("kinki"))).expectStatus().isOk();
        listPeople(id, token("admin", PlatformRole.ADMIN, List.of(), List.of())).expectStatus().isOk();
        // the coordinator of the bureau sees the organisation, not its people's contact data
        listPeople(id, token("coordinator", PlatformRole.COORDINATOR, List.of(), List.of("kinki")))
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        listPeople(id, token("other-member", PlatformRole.MEMBER, List.of("another-organisation"), List.of()))
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        listPeople(id, token("rb-kanto", PlatformRole.REGIONAL_BODY, List.of(), List.of("kanto"))).expectStatus().isNotFound();
        listPeople(UUID.randomUUID().toString(), token("admin", PlatformRole.ADMIN, List.of(), List.of()))
                .expectStatus().isNotFound();
        listPeople(id, null).expectStatus().isUnauthorized();
    }

    @Test
    void theOwnerRemovesStaffWhichPublishesStaffRemovedUntilIdentityConfirms() {
        String id = registerInOsaka();
        String owner = "owner-" + UUID.randomUUID();
        String staff = "staff-" + UUID.randomUUID();
        sendJoined(id, owner, "OWNER", "大阪 次郎", JOINED);
        sendJoined(id, staff, "STAFF", "鈴木 花子", JOINED.plusSeconds(60));
        awaitPeople(id, 2);

        removePerson(id, staff, token(owner, PlatformRole.MEMBER, List.of(id), List.of()))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.subject").isEqualTo(staff).jsonPath("$.status").isEqualTo("REMOVAL_REQUESTED");

        var removed = memberContacts.probe().awaitRecord(record -> id.equals(record.key())
                && TopicCatalogue.STAFF_REMOVED_V1.type().equals(TopicProbe.header(record, "ce_type")), WAIT);
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.STAFF_REMOVED_V1, removed.value());
        assertThat(JSON.readTree(removed.value()).path("subject").asString()).isEqualTo(staff);
        assertThat(TopicProbe.header(removed, "ce_bureau")).isEqualTo("kinki");
        assertThat(awaitPeople(id, 2).get(1).path("status").asString()).isEqualTo("REMOVAL_REQUESTED");
        // asked again: the same answer, no second event
        removePerson(id, staff, token(owner, PlatformRole.MEMBER, List.of(id), List.of())).expectStatus().isAccepted();

        sendLeft(id, staff, Instant.now());

        assertThat(awaitPeople(id, 1).findValuesAsString("subject")).containsExactly(owner);
        memberContacts.probe().assertNoMoreRecords(record -> id.equals(record.key())
                && TopicCatalogue.STAFF_REMOVED_V1.type().equals(TopicProbe.header(record, "ce_type")), Duration.ofSeconds(1));
    }

    @Test
    void aRemovedStaffMemberNoLongerSeesTheOrganisationThoughTheirTokenStillNamesIt() {
        String id = registerInOsaka();
        String owner = "owner-" + UUID.randomUUID();
        String staff = "staff-" + UUID.randomUUID();
        sendJoined(id, owner, "OWNER", "大阪 次郎", JOINED);
        sendJoined(id, staff, "STAFF", "鈴木 花子", JOINED.plusSeconds(60));
        awaitPeople(id, 2);
        String staffToken = token(staff, PlatformRole.MEMBER, List.of(id), List.of());
        String ownerToken = token(owner, PlatformRole.MEMBER, List.of(id), List.of());
        readOrganisation(id, staffToken).expectStatus().isOk();
        // someone identity has not told the registry about yet is taken at their token's word
        readOrganisation(id, token("staff-" + UUID.randomUUID(), PlatformRole.MEMBER, List.of(id), List.of())).expectStatus().isOk();

        removePerson(id, staff, ownerToken).expectStatus().isAccepted();

        readOrganisation(id, staffToken).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        listPeople(id, staffToken).expectStatus().isNotFound();
        readOrganisation(id, ownerToken).expectStatus().isOk();
        listPeople(id, ownerToken).expectStatus().isOk();
        // the regional body of the bureau and administrators are not affected, whoever they are
        readOrganisation(id, token(staff, PlatformRole.ADMIN, List.of(id), List.of())).expectStatus().isOk();
    }

    @Test
    void onlyTheOwnerOrAnAdministratorRemovesAndNobodyRemovesTheOwner() {
        String id = registerInOsaka();
        String owner = "owner-" + UUID.randomUUID();
        String staff = "staff-" + UUID.randomUUID();
        sendJoined(id, owner, "OWNER", "大阪 次郎", JOINED);
        sendJoined(id, staff, "STAFF", "鈴木 花子", JOINED.plusSeconds(60));
        awaitPeople(id, 2);
        String ownerToken = token(owner, PlatformRole.MEMBER, List.of(id), List.of());

        removePerson(id, owner, token(staff, PlatformRole.MEMBER, List.of(id), List.of())).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        removePerson(id, staff, token("rb-kinki", PlatformRole.REGIONAL_BODY, List.of(), List.of("kinki")))
                .expectStatus().isForbidden();
        removePerson(id, staff, token("coordinator", PlatformRole.COORDINATOR, List.of(), List.of("kinki")))
                .expectStatus().isForbidden();
        removePerson(id, staff, token("other-member", PlatformRole.MEMBER, List.of("another-organisation"), List.of()))
                .expectStatus().isNotFound();
        removePerson(id, owner, ownerToken).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        removePerson(id, owner, token("admin", PlatformRole.ADMIN, List.of(), List.of())).expectStatus().isEqualTo(409);
        removePerson(id, "staff-" + UUID.randomUUID(), ownerToken).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        removePerson(id, "no such subject", ownerToken).expectStatus().isNotFound();
        assertThat(awaitPeople(id, 2).findValuesAsString("status")).containsOnly("ACTIVE");

        removePerson(id, staff, token("admin", PlatformRole.ADMIN, List.of(), List.of())).expectStatus().isAccepted();
    }

    /** The people list as an administrator sees it, once it has {@code count} people. */
    private JsonNode awaitPeople(String id, int count) {
        String admin = token("admin", PlatformRole.ADMIN, List.of(), List.of());
        return await().atMost(WAIT).until(() -> {
            byte[] body = listPeople(id, admin).expectStatus().isOk().expectBody().returnResult().getResponseBody();
            return JSON.readTree(body).path("people");
        }, people -> people.size() == count);
    }

    private WebTestClient.ResponseSpec listPeople(String id, String token) {
        return http.get().uri("/api/members/organisations/{id}/people", id)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange();
    }

    private WebTestClient.ResponseSpec readOrganisation(String id, String token) {
        return http.get().uri("/api/members/organisations/{id}", id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec removePerson(String id, String subject, String token) {
        return http.delete().uri("/api/members/organisations/{id}/people/{subject}", id, subject)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    /** Approved: only an active member's people change anything (a registration has nobody acting for it yet). */
    private String registerInOsaka() {
        return TestRegistrations.registerAndApprove(http, TestRegistrations.body("大阪工業株式会社", "27")).id();
    }

    private static void sendJoined(String memberId, String subject, String role, String displayName, Instant at) {
        TestPeople.joined(producer, memberId, subject, role, displayName, at);
    }

    private static void sendLeft(String memberId, String subject, Instant at) {
        TestPeople.left(producer, memberId, subject, at);
    }

    private static String token(String subject, PlatformRole role, List<String> memberIds, List<String> bureaus) {
        return TestTokens.ISSUER.token(subject).roles(role).memberIds(memberIds).bureaus(bureaus).sign();
    }
}
