package jp.iinj.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.IdentityPortal;
import jp.iinj.identity.support.Jwks;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.web.Portal;

/**
 * Access follows membership, over a real broker: suspension, withdrawal, lapse and rejection take the member claim
 * from every token issued afterwards (refresh included) and end the sign-in sessions and refresh tokens of people
 * who act only for the organisation; reinstatement brings the claim back; repeated and stale events change nothing.
 */
@IdentityIntegrationTest
class MemberStandingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static TestProducer producer;
    private static TopicProbe memberDeadLetters;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccountStore store;
    @Autowired
    MongoTemplate mongo;

    Portal portal;
    TestAccounts testAccounts;

    @BeforeAll
    static void connect() {
        String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
        producer = TestProducer.connect(kafka);
        memberDeadLetters = TopicProbe.subscribe(kafka, TopicCatalogue.MEMBER_EVENTS_V1.deadLetterTopic());
    }

    @AfterAll
    static void close() {
        producer.close();
        memberDeadLetters.close();
    }

    @BeforeEach
    void setUp() {
        portal = IdentityPortal.serverSideAt(port);
        testAccounts = new TestAccounts(store, accounts);
    }

    @Test
    void suspensionEndsTheAccessOfPeopleActingOnlyForTheOrganisationAndReinstatementRestoresTheClaim() {
        String memberId = UUID.randomUUID().toString();
        String email = member(memberId);
        Portal.Session session = portal.signInWithSession(email, TestAccounts.PASSWORD);
        assertThat(memberIds(session.tokens().accessToken())).containsExactly(memberId);
        assertThat(session.tokens().refreshToken()).isNotBlank();
        assertThat(session.stillSignedIn()).isTrue();
        Instant suspendedAt = Instant.now();

        send(TopicCatalogue.MEMBER_SUSPENDED_V1, memberId, "{\"memberId\":\"" + memberId + "\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"reason\":\"UNPAID_FEES\",\"suspendedAt\":\"" + suspendedAt + "\"}");

        // awaited without refreshing: a refresh racing the revocation is the product's concern, not the test's
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("_id").is(memberId)
                .and("active").is(false)), "granted_memberships") == 1);
        HttpResponse<String> refused = portal.refresh(session.tokens().refreshToken());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Api.json(refused).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(session.stillSignedIn()).isFalse();
        String accountId = accounts.findByEmail(email).orElseThrow().id();
        assertThat(mongo.count(Query.query(Criteria.where("principalName").is(accountId)), "oauth2_authorizations"))
                .as("no code, refresh token or request of the person is left").isZero();
        assertThat(memberIds(portal.signIn(email, TestAccounts.PASSWORD).accessToken())).isEmpty();

        Instant reinstatedAt = suspendedAt.plusSeconds(60);
        String reinstatement = "{\"memberId\":\"" + memberId + "\",\"prefectureCode\":\"13\",\"bureau\":\"kanto\","
                + "\"reinstatedAt\":\"" + reinstatedAt + "\"}";
        send(TopicCatalogue.MEMBER_REINSTATED_V1, memberId, reinstatement);

        await().atMost(WAIT).until(() -> memberIds(portal.signIn(email, TestAccounts.PASSWORD).accessToken()),
                ids -> ids.equals(List.of(memberId)));
        Portal.Session afterReinstatement = portal.signInWithSession(email, TestAccounts.PASSWORD);

        // the suspension delivered again (older than the reinstatement) and the reinstatement twice: nothing changes.
        // A suspension of another organisation, behind them in the same partition, shows they have been handled.
        send(TopicCatalogue.MEMBER_SUSPENDED_V1, memberId, "{\"memberId\":\"" + memberId + "\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"reason\":\"UNPAID_FEES\",\"suspendedAt\":\"" + suspendedAt + "\"}");
        send(TopicCatalogue.MEMBER_REINSTATED_V1, memberId, reinstatement);
        String marker = UUID.randomUUID().toString();
        send(TopicCatalogue.MEMBER_SUSPENDED_V1, memberId, "{\"memberId\":\"" + marker + "\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"reason\":\"UNPAID_FEES\",\"suspendedAt\":\"" + reinstatedAt + "\"}");
        await().atMost(WAIT).until(() -> !accounts.isActiveMember(marker));

        assertThat(accounts.isActiveMember(memberId)).isTrue();
        assertThat(afterReinstatement.stillSignedIn()).isTrue();
        HttpResponse<String> refreshed = portal.refresh(afterReinstatement.tokens().refreshToken());
        assertThat(memberIds(Portal.accessTokenOf(refreshed))).containsExactly(memberId);
    }

    @Test
    void aPersonOfTwoOrganisationsKeepsTheSessionAndRefreshesWithoutTheSuspendedOne() {
        String suspended = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String email = TestAccounts.uniqueEmail("two-organisations");
        testAccounts.active(email, Set.of(PlatformRole.MEMBER), List.of(suspended, other), List.of());
        Portal.Session session = portal.signInWithSession(email, TestAccounts.PASSWORD);
        assertThat(memberIds(session.tokens().accessToken())).containsExactlyInAnyOrder(suspended, other);

        send(TopicCatalogue.MEMBER_WITHDRAWN_V1, suspended, "{\"memberId\":\"" + suspended + "\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"reason\":\"NO_LONGER_INTERESTED\",\"withdrawnAt\":\"" + Instant.now() + "\"}");
        await().atMost(WAIT).until(() -> !accounts.isActiveMember(suspended));

        // the claims are read from the account again at the refresh
        HttpResponse<String> refreshed = portal.refresh(session.tokens().refreshToken());
        assertThat(memberIds(Portal.accessTokenOf(refreshed))).containsExactly(other);
        assertThat(session.stillSignedIn()).isTrue();
        assertThat(memberIds(portal.signIn(email, TestAccounts.PASSWORD).accessToken())).containsExactly(other);
    }

    @Test
    void lapseAndRejectionTakeTheClaimToo() {
        String lapsed = UUID.randomUUID().toString();
        String rejected = UUID.randomUUID().toString();
        String email = TestAccounts.uniqueEmail("lapsed-and-rejected");
        testAccounts.active(email, Set.of(PlatformRole.MEMBER), List.of(lapsed, rejected), List.of());

        send(TopicCatalogue.MEMBER_LAPSED_V1, lapsed, "{\"memberId\":\"" + lapsed + "\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"expiredOn\":\"2026-03-31\",\"lapsedAt\":\"" + Instant.now() + "\"}");
        send(TopicCatalogue.MEMBER_REJECTED_V1, rejected, "{\"memberId\":\"" + rejected + "\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"reason\":\"NOT_ELIGIBLE\",\"rejectedAt\":\"" + Instant.now() + "\"}");

        await().atMost(WAIT).until(() -> memberIds(portal.signIn(email, TestAccounts.PASSWORD).accessToken()),
                List::isEmpty);
    }

    @Test
    void nobodyIsInvitedToANonActiveOrganisation() {
        String memberId = UUID.randomUUID().toString();
        String owner = member(memberId);
        String ownerToken = portal.signIn(owner, TestAccounts.PASSWORD).accessToken();
        String adminToken = portal.signIn(testAccounts.admin().email(), TestAccounts.PASSWORD).accessToken();
        send(TopicCatalogue.MEMBER_SUSPENDED_V1, memberId, "{\"memberId\":\"" + memberId + "\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"reason\":\"BREACH_OF_RULES\",\"suspendedAt\":\"" + Instant.now() + "\"}");
        await().atMost(WAIT).until(() -> !accounts.isActiveMember(memberId));

        for (String token : List.of(ownerToken, adminToken)) {
            var refused = new Api(port).post("/api/identity/invitations", "{\"email\":"
                    + Api.quote(TestAccounts.uniqueEmail("staff")) + ",\"memberId\":" + Api.quote(memberId) + "}", token);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Api.json(refused).path("detail").asString()).contains("not an active member");
        }
    }

    @Test
    void anImplausibleSuspensionGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();

        send(TopicCatalogue.MEMBER_SUSPENDED_V1, key, "{\"memberId\":\"a\\nb\",\"prefectureCode\":\"13\","
                + "\"bureau\":\"kanto\",\"reason\":\"UNPAID_FEES\",\"suspendedAt\":\"" + Instant.now() + "\"}");

        memberDeadLetters.awaitRecord(record -> key.equals(record.key()), WAIT);
    }

    private String member(String memberId) {
        String email = TestAccounts.uniqueEmail("member");
        testAccounts.active(email, Set.of(PlatformRole.MEMBER), List.of(memberId), List.of());
        return email;
    }

    @SuppressWarnings("unchecked")
    private static List<String> memberIds(String accessToken) {
        return (List<String>) Jwks.claims(accessToken).get("member_ids");
    }

    private static void send(EventType<?> type, String key, String json) {
        producer.sendEvent(type, UUID.randomUUID().toString(), key, json);
    }
}
