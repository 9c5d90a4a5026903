package jp.iinj.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.invitations.Invitations;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.contracts.EventSchemaAssertions;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.identity.support.IdentityPortal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity tells the member registry who acts for each organisation ({@code identity.member-people.v1}): the owner
 * joins on approval, invited staff on accepting, and staff leave when the registry removes them.
 */
@IdentityIntegrationTest
class MemberPeopleEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PlatformPrincipal ADMIN = new PlatformPrincipal("people-it-admin", Set.of(PlatformRole.ADMIN),
            Set.of(), Set.of(), true);

    private static TestProducer producer;
    private static TopicProbe people;
    private static TopicProbe contactDeadLetters;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccountStore store;
    @Autowired
    Invitations invitations;
    @Autowired
    FileMailSender mailSender;

    @BeforeAll
    static void connect() {
        String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
        producer = TestProducer.connect(kafka);
        people = TopicProbe.subscribe(kafka, TopicCatalogue.MEMBER_PEOPLE_V1.name());
        contactDeadLetters = TopicProbe.subscribe(kafka, TopicCatalogue.MEMBER_CONTACTS_V1.deadLetterTopic());
    }

    @AfterAll
    static void close() {
        producer.close();
        people.close();
        contactDeadLetters.close();
    }

    @Test
    void theOwnerJoinsOnceWhenTheOrganisationIsApproved() {
        String memberId = UUID.randomUUID().toString();
        String email = TestAccounts.uniqueEmail("owner");
        send(TopicCatalogue.OWNER_DESIGNATED_V1, UUID.randomUUID().toString(), memberId, "{\"memberId\":\"" + memberId
                + "\",\"email\":\"" + email + "\",\"displayName\":\"山田 太郎\",\"designatedAt\":\"" + Instant.now() + "\"}");
        String approval = "{\"memberId\":\"" + memberId + "\",\"prefectureCode\":\"13\",\"bureau\":\"kanto\","
                + "\"approvedAt\":\"" + Instant.now() + "\"}";
        send(TopicCatalogue.MEMBER_APPROVED_V1, UUID.randomUUID().toString(), memberId, approval);
        // an approval delivered again under another id (a second consumer path): still one join
        send(TopicCatalogue.MEMBER_APPROVED_V1, UUID.randomUUID().toString(), memberId, approval);

        var joined = people.awaitRecord(event(memberId, TopicCatalogue.PERSON_JOINED_MEMBER_V1), WAIT);

        Account owner = accounts.findByEmail(email).orElseThrow();
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.PERSON_JOINED_MEMBER_V1, joined.value());
        JsonNode payload = JSON.readTree(joined.value());
        assertThat(payload.path("subject").asString()).isEqualTo(owner.id());
        assertThat(payload.path("role").asString()).isEqualTo("OWNER");
        assertThat(payload.path("email").asString()).isEqualTo(email);
        assertThat(payload.path("displayName").asString()).isEqualTo("山田 太郎");
        assertThat(TopicProbe.header(joined, "ce_source")).isEqualTo("/iinj/identity");
        assertThat(TopicProbe.header(joined, "ce_subject")).isEqualTo(memberId);
        people.assertNoMoreRecords(record -> memberId.equals(record.key()), Duration.ofSeconds(2));
    }

    @Test
    void invitedStaffJoinOnAcceptingAndLeaveWhenTheRegistryRemovesThem() {
        String memberId = UUID.randomUUID().toString();
        String staffEmail = TestAccounts.uniqueEmail("staff");
        String password = "staff member passphrase";
        invitations.invite(ADMIN, staffEmail, memberId);
        String invitation = MailBox.tokenIn(new MailBox(mailSender.directory()).awaitMessage(staffEmail, 1));
        String correlationId = "people-it-" + UUID.randomUUID();

        var accepted = new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/identity/invitations/" + invitation))
                .header("Content-Type", "application/json").header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"鈴木 花子\",\"password\":\"" + password + "\"}"))
                .build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        String subject = Api.json(accepted).path("accountId").asString();

        var joined = people.awaitRecord(event(memberId, TopicCatalogue.PERSON_JOINED_MEMBER_V1), WAIT);
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.PERSON_JOINED_MEMBER_V1, joined.value());
        JsonNode payload = JSON.readTree(joined.value());
        assertThat(payload.path("subject").asString()).isEqualTo(subject);
        assertThat(payload.path("role").asString()).isEqualTo("STAFF");
        assertThat(payload.path("displayName").asString()).isEqualTo("鈴木 花子");
        assertThat(TopicProbe.header(joined, "ce_correlationid")).isEqualTo(correlationId);

        sendStaffRemoved(UUID.randomUUID().toString(), memberId, subject);

        await().atMost(WAIT).until(() -> accounts.findById(subject).orElseThrow().memberIds(), Set::isEmpty);
        var left = people.awaitRecord(event(memberId, TopicCatalogue.PERSON_LEFT_MEMBER_V1), WAIT);
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.PERSON_LEFT_MEMBER_V1, left.value());
        assertThat(JSON.readTree(left.value()).path("subject").asString()).isEqualTo(subject);
        assertThat(JSON.readTree(left.value()).path("reason").asString()).isEqualTo("REMOVED_BY_ORGANISATION");
        assertThat(Jwks.claims(IdentityPortal.at(port).signIn(staffEmail, password).accessToken()))
                .containsEntry("member_ids", List.of());

        // removed again (another event): nothing changes, nothing is published. The removal of a colleague,
        // behind it in the same partition, shows when the repeat has been handled.
        sendStaffRemoved(UUID.randomUUID().toString(), memberId, subject);
        Account colleague = new TestAccounts(store, accounts).active(TestAccounts.uniqueEmail("colleague"),
                Set.of(PlatformRole.MEMBER), List.of(memberId), List.of());
        sendStaffRemoved(UUID.randomUUID().toString(), memberId, colleague.id());
        people.awaitRecord(event(memberId, TopicCatalogue.PERSON_LEFT_MEMBER_V1)
                .and(record -> JSON.readTree(record.value()).path("subject").asString().equals(colleague.id())), WAIT);
        people.assertNoMoreRecords(record -> memberId.equals(record.key())
                && JSON.readTree(record.value()).path("subject").asString().equals(subject), Duration.ofSeconds(1));
    }

    @Test
    void anImplausibleRemovalGoesToTheDeadLetterTopic() {
        String memberId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        sendStaffRemoved(eventId, memberId, " ");

        var dead = contactDeadLetters.awaitRecord(record -> memberId.equals(record.key()), WAIT);
        assertThat(TopicProbe.header(dead, "ce_id")).isEqualTo(eventId);
        assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("subject");
    }

    private static Predicate<ConsumerRecord<String, byte[]>> event(String memberId, EventType<?> type) {
        return record -> memberId.equals(record.key()) && type.type().equals(TopicProbe.header(record, "ce_type"));
    }

    private static void sendStaffRemoved(String eventId, String memberId, String subject) {
        send(TopicCatalogue.STAFF_REMOVED_V1, eventId, memberId, "{\"memberId\":\"" + memberId + "\",\"subject\":\""
                + subject + "\",\"removedAt\":\"" + Instant.now() + "\"}");
    }

    private static void send(EventType<?> type, String eventId, String memberId, String json) {
        producer.sendEvent(type, eventId, memberId, json);
    }
}
