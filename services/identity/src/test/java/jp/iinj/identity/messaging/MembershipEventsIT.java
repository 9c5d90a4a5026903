package jp.iinj.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStatus;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TopicProbe;

/** The owner's account follows the member registry's events over a real broker: pending, then a member. */
@IdentityIntegrationTest
class MembershipEventsIT {

    private static TestProducer producer;
    private static TopicProbe contactDeadLetters;

    @Autowired
    Accounts accounts;
    @Autowired
    FileMailSender mailSender;

    @BeforeAll
    static void connect() {
        String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
        producer = TestProducer.connect(kafka);
        contactDeadLetters = TopicProbe.subscribe(kafka, TopicCatalogue.MEMBER_CONTACTS_V1.deadLetterTopic());
    }

    @AfterAll
    static void close() {
        producer.close();
        contactDeadLetters.close();
    }

    @Test
    void registrationOpensAPendingAccountAndApprovalMakesItAMemberOnce() {
        String memberId = UUID.randomUUID().toString();
        String email = TestAccounts.uniqueEmail("owner");

        sendOwnerDesignated(UUID.randomUUID().toString(), memberId, email);
        Account pending = await().atMost(Duration.ofSeconds(60))
                .until(() -> accounts.findByEmail(email), Optional::isPresent).orElseThrow();
        assertThat(pending.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(pending.memberIds()).isEmpty();

        String approval = UUID.randomUUID().toString();
        sendMemberApproved(approval, memberId);
        sendMemberApproved(approval, memberId); // the relay may send an event twice
        Account member = await().atMost(Duration.ofSeconds(60))
                .until(() -> accounts.findByEmail(email).orElseThrow(), account -> account.status() == AccountStatus.ACTIVE);
        assertThat(member.memberIds()).containsExactly(memberId);
        assertThat(member.roles()).contains(PlatformRole.MEMBER);
        // exactly one set-password link, though the approval came twice
        MailBox mailBox = new MailBox(mailSender.directory());
        assertThat(mailBox.awaitMessage(email, 1)).contains("set your password");
        assertThat(mailBox.messagesTo(email)).hasSize(1);
    }

    @Test
    void anImplausibleOwnerGoesToTheDeadLetterTopic() {
        String memberId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        sendOwnerDesignated(eventId, memberId, "not an e-mail address");

        var dead = contactDeadLetters.awaitRecords(record -> memberId.equals(record.key()), 1, Duration.ofSeconds(60));
        assertThat(TopicProbe.header(dead.get(0), "ce_id")).isEqualTo(eventId);
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-message")).contains("e-mail");
    }

    private static void sendOwnerDesignated(String eventId, String memberId, String email) {
        String json = "{\"memberId\":\"" + memberId + "\",\"email\":\"" + email + "\",\"displayName\":\"山田 太郎\","
                + "\"designatedAt\":\"" + Instant.now() + "\"}";
        producer.sendEvent(TopicCatalogue.OWNER_DESIGNATED_V1, eventId, memberId, json);
    }

    private static void sendMemberApproved(String eventId, String memberId) {
        String json = "{\"memberId\":\"" + memberId + "\",\"prefectureCode\":\"13\",\"bureau\":\"kanto\","
                + "\"approvedAt\":\"" + Instant.now() + "\"}";
        producer.sendEvent(TopicCatalogue.MEMBER_APPROVED_V1, eventId, memberId, json);
    }
}
